// One round trip in each direction, returning the first difference or null.
//  - JS → Python → JS: `py.toPy(v)`, then `proxy.toJs({create_pyproxies:
//    false, dict_converter?})` (everything toPy makes has a conversion, so no
//    PyProxy may be needed), compared by js_equal.mjs.
//  - Python → JS → Python: py_equal.py's `trip`: `to_js(root, pyproxies=...,
//    dict_converter=?)`, then `.to_py()`, compared in Python.
// A difference is {path, rule, message}; `known` lists tolerated rules hit;
// `outcome` names what the trip was predicted to do (converted, or an error).
import { buildJs } from "./js_gen.mjs";
import { compareJs, predictJsError } from "./js_equal.mjs";
import { renderPy } from "./py_gen.mjs";

function describeThrown(e) {
  const name = e?.name ?? typeof e;
  const type = e?.type;
  const lines = String(e?.message ?? e).trim().split("\n");
  return { name, type, message: lines[lines.length - 1].replace(/^pyodide\.ffi\./, "").replace(/^ConversionError: /, "") };
}

function errorDiff(stage, got, want) {
  const g = `${got.name}${got.type ? ` (${got.type})` : ""}: ${got.message}`;
  if (!want) return { path: "$", rule: "error", message: `unexpected ${stage} error ${g}` };
  const ok = got.name === want.name && (want.type === undefined || got.type === want.type) && stage === want.stage &&
    (want.anyOf ? want.anyOf.includes(got.message) : want.prefix ? got.message.startsWith(want.prefix) && got.message.endsWith(want.message) : got.message === want.message);
  if (ok) return null;
  const w = want.anyOf ? `one of ${want.anyOf.join(" | ")}` : `${want.prefix ?? ""}${want.prefix ? "…" : ""}${want.message}`;
  return { path: "$", rule: "error", message: `expected ${want.stage} error ${want.name}${want.type ? ` (${want.type})` : ""}: ${w}, got ${stage} error ${g}` };
}

/** What a prediction says the trip does, for the tally of outcomes. */
function outcomeOf(want) {
  if (!want) return "converted";
  const m = want.anyOf ? want.anyOf[0].split(":")[0] + " (unhashable key)" : want.message.startsWith("Key collision") ? "key collision" : want.message.includes("part of a cycle") ? "dict cycle" : "bad key";
  return `${want.stage} ${want.type ?? want.name}: ${m}`;
}

/**
 * JS → Python → JS of `recipe`; `mode` "object" | "map"; `depth` toPy's.
 * Returns {diff, outcome}.
 */
export function jsTrip(py, recipe, mode, depth = -1, tolerate = new Set()) {
  return { outcome: "?", ...jsTripDiff(py, recipe, mode, depth, tolerate) };
}

function jsTripDiff(py, recipe, mode, depth, tolerate) {
  const v = buildJs(recipe);
  const want = predictJsError(v, mode, depth);
  const outcome = outcomeOf(want);
  const options = { create_pyproxies: false };
  if (mode === "map") options.dict_converter = (entries) => new Map(entries);
  let p;
  let r;
  let stage = "toPy";
  try {
    p = py.toPy(v, { depth });
    stage = "toJs";
    r = py.isPyProxy(p) ? p.toJs(options) : p;
  } catch (e) {
    return { outcome, diff: errorDiff(stage, describeThrown(e), want) };
  } finally {
    if (py.isPyProxy(p)) p.destroy();
  }
  try {
    if (want) return { outcome, diff: { path: "$", rule: "error", message: `expected ${want.stage} error ${want.name}${want.type ? ` (${want.type})` : ""}: ${want.anyOf ? want.anyOf.join(" | ") : want.message}, but the trip succeeded` } };
    return { outcome, diff: compareJs(v, r, mode, tolerate, depth) };
  } finally {
    if (py.isPyProxy(r)) r.destroy();
  }
}

/** Python → JS → Python of `recipe`; `pyTripFn` is py_equal.py's `trip` (a PyProxy). Returns {diff, outcome}. */
export function pyTrip(pyTripFn, recipe, mode, depth = -1, tolerate = new Set()) {
  const { outcome, diff } = JSON.parse(pyTripFn(renderPy(recipe), mode, depth, [...tolerate].join(",")));
  return { outcome, diff };
}
