#!/usr/bin/env node
// How many JS<->wasm transitions each hot crossing makes, counted by wrapping
// every import the module gets (wasm->JS) and every export it gives (JS->wasm).
// Asserts the counts the boundary promises (docs/architecture.md, "One
// transition per crossing") and prints the table. Prints "N passed, N failed"
// and exits non-zero on any failure.
//
//   node bridge-js/tests/transitions.mjs
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const seen = new Map();
const counts = { in: 0, out: 0 }; // in: JS->wasm (export calls), out: wasm->JS (import calls)
let counting = false;

function wrapImports(imports) {
  const wrapped = {};
  for (const [mod, fields] of Object.entries(imports)) {
    wrapped[mod] = {};
    for (const [name, v] of Object.entries(fields)) {
      wrapped[mod][name] =
        typeof v === "function"
          ? function (...args) {
              if (counting) { counts.out++; if (process.env.TR_DEBUG) seen.set(name, (seen.get(name) ?? 0) + 1); }
              return v.apply(this, args);
            }
          : v;
    }
  }
  return wrapped;
}

function wrapExports(exports) {
  const out = {};
  for (const [name, v] of Object.entries(exports)) {
    out[name] =
      typeof v === "function"
        ? function (...args) {
            if (counting) counts.in++;
            return v.apply(this, args);
          }
        : v;
  }
  return out;
}

// Count at the WebAssembly API itself, so nothing in the glue is skipped.
const origInstantiate = WebAssembly.instantiate;
WebAssembly.instantiate = async function (source, imports) {
  const r = await origInstantiate.call(WebAssembly, source, imports && wrapImports(imports));
  if (r instanceof WebAssembly.Instance) return new Proxy(r, { get: (t, p) => (p === "exports" ? wrapExports(t.exports) : t[p]) });
  const instance = r.instance;
  const exports = wrapExports(instance.exports);
  return { module: r.module, instance: new Proxy(instance, { get: (t, p) => (p === "exports" ? exports : t[p]) }) };
};

const { loadPython } = await import(pathToFileURL(path.join(ROOT, "bridge-js/package/index.js")).href);
const py = await loadPython({ stdout: () => {}, stderr: () => {} });

globalThis.trF = function (a, b, c) {
  return a;
};
globalThis.trObj = { x: 1, s: "short", m(v) { return v; } };
py.runPython(`
from js import trF, trObj
class TrC:
    def __init__(self):
        self.val = 42
        self.s = "hello"
def tr_f(*args):
    return 7
tr_c = TrC()
def tr_loop_call(n):
    f = trF
    for _ in range(n): f(1, 2)
def tr_loop_call3(n):
    f = trF
    for _ in range(n): f(1, 2.5, "ab")
def tr_loop_get(n):
    o = trObj
    for _ in range(n): o.x
def tr_loop_get_str(n):
    o = trObj
    for _ in range(n): o.s
def tr_loop_set(n):
    o = trObj
    for _ in range(n): o.x = 5
def tr_loop_method(n):
    o = trObj
    for _ in range(n): o.m(1)
`);
const c = py.globals.get("tr_c");
const f = py.globals.get("tr_f");
const N = 100;
/** runPython(code) itself: the export, and the glue's malloc/free for the code string. */
const RUN_PYTHON_ALLOWANCE = 4;

/** Transitions per operation of `body(n)`, beyond one runPython call. */
function perOp(body) {
  body(5); // warm (first-time interning etc.)
  counts.in = counts.out = 0;
  counting = true;
  body(N);
  counting = false;
  return { in: counts.in, out: counts.out };
}

const rows = [
  ["Python f(1, 2)", (n) => py.runPython(`tr_loop_call(${n})`), { in: 0, out: N }],
  ["Python f(1, 2.5, 'ab')", (n) => py.runPython(`tr_loop_call3(${n})`), { in: 0, out: N }],
  ["Python obj.x", (n) => py.runPython(`tr_loop_get(${n})`), { in: 0, out: N }],
  ["Python obj.s (short string)", (n) => py.runPython(`tr_loop_get_str(${n})`), { in: 0, out: N }],
  ["Python obj.x = 5", (n) => py.runPython(`tr_loop_set(${n})`), { in: 0, out: N }],
  ["Python obj.m(1)", (n) => py.runPython(`tr_loop_method(${n})`), { in: 0, out: 2 * N }],
  ["JS proxy.val", (n) => { for (let i = 0; i < n; i++) c.val; }, { in: N, out: 0 }],
  ["JS proxy.s (short string)", (n) => { for (let i = 0; i < n; i++) c.s; }, { in: N, out: 0 }],
  ["JS proxy.val = 1", (n) => { for (let i = 0; i < n; i++) c.val = 1; }, { in: N, out: 0 }],
  ["JS pyf(1, 2)", (n) => { for (let i = 0; i < n; i++) f(1, 2); }, { in: N, out: 0 }],
  ["JS pyf(1, 'ab', 2.5)", (n) => { for (let i = 0; i < n; i++) f(1, "ab", 2.5); }, { in: N, out: 0 }],
];

let passed = 0;
let failed = 0;
console.log(`transitions per operation (${N} operations each; in = JS->wasm export calls, out = wasm->JS import calls)`);
for (const [what, body, want] of rows) {
  const got = perOp(body);
  // A Python loop is one runPython call: a few JS->wasm calls in all, not per operation.
  const ok = got.in <= want.in + RUN_PYTHON_ALLOWANCE && got.out <= want.out;
  const per = (x) => (x / N).toFixed(2);
  console.log(`${ok ? "pass" : "FAIL"}  ${what.padEnd(28)} JS->wasm ${per(got.in)}/op  wasm->JS ${per(got.out)}/op  (want at most ${per(want.in)} and ${per(want.out)})`);
  if (ok) passed++;
  else failed++;
}
if (process.env.TR_DEBUG) console.log(seen);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
