// Deep equality for the JS → Python → JS round trip (`py.toPy(v)` then
// `proxy.toJs(options)`), under the rules of docs/conversions.md. The
// original graph is walked beside the result; the first difference is
// reported with its path ($[0].get("k")...), the rule it breaks and what was
// expected. `predictJsError` says which error, if any, the trip must raise.
//
// `mode` is how dicts come back: "object" (the default toJs: a plain Object)
// or "map" (`dict_converter: (entries) => new Map(entries)`).
import { jsString, jsNumber } from "./js_gen.mjs";

const MAX_SAFE = 2n ** 53n - 1n;

// ---- What a JS primitive becomes in Python, and what that becomes in JS.

/**
 * The Python value a JS key/member becomes, as {t, ...} (docs/conversions.md,
 * "By value"): an integral Number with |x| <= 2^53-1 is an int, other
 * Numbers (fractions, NaN, ±∞, |x| >= 2^53, -0) are floats, any BigInt is an
 * int, null is jsnull, undefined is None; an object crosses by reference (a
 * JsProxy, "By reference").
 */
export function pyOf(v) {
  switch (typeof v) {
    case "string": return { t: "str", v };
    case "boolean": return { t: "bool", v };
    case "undefined": return { t: "none" };
    case "bigint": return { t: "int", v };
    case "number":
      if (Number.isInteger(v) && Math.abs(v) <= 2 ** 53 - 1 && !Object.is(v, -0)) return { t: "int", v: BigInt(v) };
      return { t: "float", v };
  }
  return v === null ? { t: "jsnull" } : { t: "jsproxy", v };
}

/**
 * The JS value a Python value goes back as: an int with |n| <= 2^53-1 is a
 * Number (even one that came as a BigInt: "Where we differ from Pyodide",
 * `5n` → `5` → 5), a bigger one a BigInt; a float a Number, bit for bit; a
 * JsProxy the original object ("a proxy sent back").
 */
export function jsOf(p) {
  switch (p.t) {
    case "str": case "bool": case "float": case "jsproxy": return p.v;
    case "none": return undefined;
    case "jsnull": return null;
    case "int": return p.v >= -MAX_SAFE && p.v <= MAX_SAFE ? Number(p.v) : p.v;
  }
  throw new Error(`unknown Python value kind ${p.t}`);
}

/**
 * A string equal for two Python values exactly when they are equal dict keys
 * (Python's ==): True == 1 == 1.0 == 1n, -0.0 == 0, a NaN equals nothing (a
 * JS Map or Set holds one NaN at most, so it never meets another), a JsProxy
 * equals a proxy of the same object (docs: "JS identity").
 */
function keyOf(p, ids) {
  switch (p.t) {
    case "str": return "s" + p.v;
    case "none": return "None";
    case "jsnull": return "jsnull";
    case "bool": return "i" + (p.v ? 1 : 0);
    case "int": return "i" + p.v;
    case "float":
      if (Number.isNaN(p.v)) return "nan" + ids.nan++;
      if (Number.isInteger(p.v)) return "i" + BigInt(p.v);
      return "f" + p.v;
    case "jsproxy":
      if (!ids.objects.has(p.v)) ids.objects.set(p.v, ids.objects.size);
      return "o" + ids.objects.get(p.v);
  }
  throw new Error(`unknown Python value kind ${p.t}`);
}

/**
 * A Python dict built from `pairs` ([pyKey, value] in insertion order): equal
 * keys collapse as `d[k] = v` does (the first key stays, in its place; the
 * last value wins). For sets, the first member stays.
 */
function collapse(pairs) {
  const ids = { nan: 0, objects: new Map() };
  const at = new Map();
  const out = [];
  for (const [k, v] of pairs) {
    const h = keyOf(k, ids);
    if (at.has(h)) out[at.get(h)][1] = v;
    else {
      at.set(h, out.length);
      out.push([k, v]);
    }
  }
  return out;
}

function isPlain(v) {
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
}

/** What a JS object becomes in Python: "list", "dict", "set", "buffer" or "ref" (a JsProxy). */
function pyKind(v) {
  if (Array.isArray(v)) return "list";
  if (v instanceof Map) return "dict";
  if (v instanceof Set) return "set";
  if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return "buffer";
  if (typeof v === "object" && isPlain(v)) return "dict";
  return "ref";
}

/** The Python dict's entries for a JS Map or plain object, keys as pyOf values. */
function dictEntries(v) {
  if (v instanceof Map) return collapse([...v].map(([k, x]) => [pyOf(k), x]));
  return Object.keys(v).map((k) => [pyOf(k), v[k]]);
}

function setMembers(v) {
  return collapse([...v].map((x) => [pyOf(x), undefined])).map(([k]) => k);
}

/** The children of the Python object built from `v`, in the order to_js walks them. */
function pyChildren(v) {
  switch (pyKind(v)) {
    case "list": return Array.from({ length: v.length }, (_, i) => v[i]);
    case "dict": return dictEntries(v).flatMap(([k, x]) => [jsOf(k), x]);
  }
  return [];
}

const isObj = (v) => (typeof v === "object" && v !== null) || typeof v === "function";

/**
 * The containers `py.toPy(root, {depth})` leaves as JsProxies (docs "Deep
 * conversion", `depth=d`: the root is depth 0, containers at depth >= d stay
 * proxies; leaves, typed arrays included, always convert). to_py walks
 * breadth first (bridge-js/package/to_py.js), so a shared container's depth
 * is its shortest distance from the root; what only a proxy reaches is not
 * walked. Returns a predicate on objects.
 */
export function jsProxied(root, depth) {
  const deep = new Set();
  if (depth < 0 || !isObj(root)) return () => false;
  const seen = new Set([root]);
  let level = [root];
  for (let d = 0; level.length; d++) {
    const next = [];
    for (const v of level) {
      const kind = pyKind(v);
      if (kind !== "list" && kind !== "dict" && kind !== "set") continue;
      if (d >= depth) {
        deep.add(v);
        continue;
      }
      const kids = kind === "set" ? [...v] : kind === "list" ? pyChildren(v) : v instanceof Map ? [...v].flat() : Object.keys(v).map((k) => v[k]);
      for (const c of kids) {
        if (isObj(c) && !seen.has(c)) {
          seen.add(c);
          next.push(c);
        }
      }
    }
    level = next;
  }
  return (v) => deep.has(v);
}

const UNHASHABLE = { list: "TypeError: unhashable type: 'list'", dict: "TypeError: unhashable type: 'dict'", set: "TypeError: unhashable type: 'set'", buffer: "ValueError: cannot hash writable memoryview object" };

/**
 * The errors toPy may raise (any one of them; the order the plan is built
 * in decides which): a Map key or Set member that becomes a list, dict, set
 * (Python cannot hash them) or a memoryview (a writable one is not hashable)
 * in a container toPy converts. One left a JsProxy by `depth` is hashable
 * (docs "By reference", JS identity). Returns the messages.
 */
function toPyErrors(root, proxied) {
  const out = new Set();
  const seen = new Set();
  const stack = [root];
  while (stack.length) {
    const v = stack.pop();
    if (!isObj(v) || seen.has(v) || proxied(v)) continue;
    seen.add(v);
    const kind = pyKind(v);
    if (kind === "ref" || kind === "buffer") continue;
    const keys = v instanceof Set ? [...v] : v instanceof Map ? [...v.keys()] : [];
    for (const k of keys) {
      if (isObj(k) && !proxied(k) && UNHASHABLE[pyKind(k)]) out.add(UNHASHABLE[pyKind(k)]);
    }
    if (v instanceof Set || v instanceof Map) stack.push(...(v instanceof Set ? v : [...v].flat()));
    else stack.push(...pyChildren(v));
  }
  return [...out];
}

/**
 * The error the round trip must raise, or null. toPy fails on a key it
 * cannot hash (toPyErrors). toJs can:
 *  - "object" mode: a dict key must be a primitive, and two keys may not
 *    make one property name (`String(key)` of the converted key, as JS
 *    spells it): ConversionError "Key collision ... Key: 'name'" / "Cannot
 *    use X as a key for a Javascript Map" (docs: "Deep conversion"). The
 *    planner walks depth first, children in order, a dict's keys checked
 *    when it is reached, so the first such dict in that order decides.
 *  - "map" mode: a dict that is reached again while its own entries are
 *    being converted (a cycle through a dict) cannot be given to the
 *    dict_converter: TypeError "to_js: a dict converted by dict_converter is
 *    part of a cycle" (bridge-js/package/to_js.js).
 */
export function predictJsError(root, mode, depth = -1) {
  const proxied = jsProxied(root, depth);
  const unhashable = toPyErrors(root, proxied);
  if (unhashable.length) return { stage: "toPy", name: "PythonError", anyOf: unhashable };
  const state = new Map(); // object -> "building" | "done"
  let found = null;
  const visit = (v) => {
    // A container toPy left as a JsProxy goes back as itself: nothing to check.
    if (found || !isObj(v) || proxied(v)) return;
    const s = state.get(v);
    if (s === "done") return;
    if (s === "building") {
      found = { stage: "toJs", name: "TypeError", message: "to_js: a dict converted by dict_converter is part of a cycle; it cannot contain itself" };
      return;
    }
    const kind = pyKind(v);
    if (kind === "dict" && mode === "object") {
      const names = new Set();
      for (const [k] of dictEntries(v)) {
        if (k.t === "jsproxy") {
          found = { stage: "toJs", name: "PythonError", type: "ConversionError", message: "as a key for a Javascript Map", prefix: "Cannot use " };
          return;
        }
        const name = String(jsOf(k));
        if (names.has(name)) {
          found = { stage: "toJs", name: "PythonError", type: "ConversionError", message: `Key collision when converting Python dictionary to JavaScript. Key: '${name}'` };
          return;
        }
        names.add(name);
      }
    }
    // Lists are made before their items (a cycle reaches the made list);
    // a dict given to dict_converter exists only once its entries do.
    state.set(v, kind === "dict" && mode === "map" ? "building" : "done");
    for (const c of pyChildren(v)) visit(c);
    state.set(v, "done");
  };
  // Object mode has only planning errors (ConversionError), map mode only
  // the build's cycle error: one walk finds either.
  visit(root);
  return found;
}

// ---- Describing values and paths.

export function describe(v) {
  if (typeof v === "string") return jsString(v.length > 40 ? v.slice(0, 40) + "…" : v);
  if (typeof v === "number") return jsNumber(v);
  if (typeof v === "bigint") return `${v}n`;
  if (!isObj(v)) return String(v);
  if (Array.isArray(v)) return `Array(${v.length})`;
  if (ArrayBuffer.isView(v)) return `${v.constructor.name}(${v.byteLength} bytes)`;
  if (v instanceof Map || v instanceof Set) return `${v.constructor.name}(${v.size})`;
  const proto = Object.getPrototypeOf(v);
  if (proto === null) return "Object(null prototype)";
  return proto === Object.prototype ? `{${Object.keys(v).length} keys}` : `${proto.constructor?.name ?? "object"} instance`;
}

const keyPath = (k) => (typeof k === "string" ? jsString(k) : describe(k));

// ---- The comparison.

const TYPED_BACK = { Uint8ClampedArray: "Uint8Array", DataView: "Uint8Array", ArrayBuffer: "Uint8Array" };

function bytesOf(v) {
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

/**
 * The first difference between `original` and `actual` (the round trip's
 * result), or null: {path, rule, message}.
 */
export function compareJs(original, actual, mode, tolerate = new Set(), depth = -1) {
  const proxied = jsProxied(original, depth);
  const fwd = new Map(); // original object -> its result
  const back = new Map(); // result object -> its original
  const known = new Set();
  let diff = null;
  const fail = (path, rule, message) => {
    diff ??= { path, rule, message };
    return false;
  };

  const scalar = (path, v, r) => {
    // docs "By value": undefined ↔ None, null ↔ jsnull, booleans, strings
    // (lone surrogates kept), Numbers bit for bit (−0, NaN, ±∞ kept).
    if (typeof v === "bigint") {
      // An int with |n| <= 2^53-1 goes back as a Number ("Where we differ":
      // `5n` → `5` → 5), bigger ones as BigInt.
      const want = jsOf(pyOf(v));
      if (typeof want !== typeof r || want !== r) return fail(path, "bigint", `expected ${describe(want)} (${typeof want}) for ${describe(v)}, got ${describe(r)} (${typeof r})`);
      return true;
    }
    if (!Object.is(v, r)) return fail(path, typeof v === "number" ? "number" : typeof v === "string" ? "string" : "scalar", `expected ${describe(v)}, got ${describe(r)}${typeof r !== typeof v ? ` (${typeof r})` : ""}`);
    return true;
  };

  const same = (a, b) => Object.is(a, b) || (typeof a === "number" && typeof b === "number" && a === b);

  const walk = (path, v, r) => {
    if (diff) return false;
    if (!isObj(v)) return scalar(path, v, r);
    const kind = pyKind(v);
    if (kind === "ref") {
      // "By reference": a JsProxy sent back is the original object.
      if (r !== v) return fail(path, "identity", `expected the original ${describe(v)} (by reference), got ${describe(r)}`);
      return true;
    }
    if (proxied(v)) {
      // Beyond toPy's depth: a JsProxy, sent back as the original.
      if (r !== v) return fail(path, "depth", `${describe(v)} is at or beyond depth ${depth}: expected the original object back, got ${describe(r)}`);
      return true;
    }
    // docs "Deep conversion", shared child: converted once, shared in the
    // result; cycle: converts to a cycle. So original and result objects
    // correspond one to one.
    const rule = kind === "buffer" ? "buffer-sharing" : "sharing";
    // A tolerated (known) sharing bug: note it, and compare the contents anyway.
    const lax = tolerate.has(rule);
    if (fwd.has(v) && fwd.get(v) === r) return true;
    if (fwd.has(v)) {
      if (!lax) return fail(path, rule, `this ${describe(v)} was reached before and converted to another object: sharing or a cycle was lost`);
      known.add(rule);
    }
    if (!isObj(r)) return fail(path, kind, `expected a converted ${describe(v)}, got ${describe(r)}`);
    if (back.has(r) && back.get(r) !== v) {
      if (!lax) return fail(path, rule, `two different originals became the same ${describe(r)}`);
      known.add(rule);
    }
    if (r === v) return fail(path, "copy", `the result is the original ${describe(v)}, not a copy`);
    if (!fwd.has(v)) fwd.set(v, r);
    if (!back.has(r)) back.set(r, v);
    switch (kind) {
      case "buffer": {
        // docs "Buffers": to_py() of a buffer is a memoryview of a copy in
        // the element format (Uint8ClampedArray, DataView, ArrayBuffer: "B");
        // "Deep conversion": a buffer goes back as a typed array of its format.
        const want = TYPED_BACK[v.constructor.name] ?? v.constructor.name;
        if (Object.getPrototypeOf(r) !== globalThis[want]?.prototype) return fail(path, "typed-array", `expected a ${want} for ${describe(v)}, got ${describe(r)}`);
        const a = bytesOf(v);
        const b = bytesOf(r);
        if (a.length !== b.length) return fail(path, "typed-array", `expected ${a.length} bytes, got ${b.length}`);
        for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return fail(path, "typed-array", `byte ${i}: expected ${a[i]}, got ${b[i]}`);
        return true;
      }
      case "list": {
        if (!Array.isArray(r) || Object.getPrototypeOf(r) !== Array.prototype) return fail(path, "array", `expected an Array, got ${describe(r)}`);
        if (r.length !== v.length) return fail(path, "array", `expected length ${v.length}, got ${r.length}`);
        for (let i = 0; i < v.length; i++) if (!walk(`${path}[${i}]`, v[i], r[i])) return false;
        return true;
      }
      case "set": {
        // "By reference" table: set → Set; members converted by value.
        if (Object.getPrototypeOf(r) !== Set.prototype) return fail(path, "set", `expected a Set, got ${describe(r)}`);
        const members = setMembers(v).map(jsOf);
        if (r.size !== members.length) return fail(path, "set", `expected ${members.length} members (${members.map(describe).join(", ")}), got ${r.size} (${[...r].map(describe).join(", ")})`);
        for (const m of members) {
          if (!r.has(m)) return fail(`${path}{${describe(m)}}`, "set", `member ${describe(m)} (${typeof m}) missing; got ${[...r].map((x) => `${describe(x)} (${typeof x})`).join(", ")}`);
        }
        return true;
      }
      case "dict":
        return mode === "map" ? walkMap(path, v, r) : walkObject(path, v, r);
    }
    throw new Error(`unhandled kind ${kind}`);
  };

  // docs "Deep conversion": dict → a plain Object, keys `str(key)` as JS spells it.
  const walkObject = (path, v, r) => {
    if (Object.getPrototypeOf(r) !== Object.prototype) return fail(path, "dict-object", `expected a plain Object, got ${describe(r)}`);
    const entries = dictEntries(v).map(([k, x]) => [String(jsOf(k)), x]);
    // The property order JS gives these names (integer-like names first).
    const order = {};
    for (const [name] of entries) Object.defineProperty(order, name, { value: 0, enumerable: true, configurable: true, writable: true });
    const want = Object.keys(order);
    const got = Object.keys(r);
    if (want.length !== got.length || want.some((k, i) => k !== got[i])) {
      return fail(path, "dict-object", `expected keys [${want.map(keyPath).join(", ")}], got [${got.map(keyPath).join(", ")}]`);
    }
    for (const [name, x] of entries) {
      const d = Object.getOwnPropertyDescriptor(r, name);
      if (!("value" in d)) return fail(`${path}[${keyPath(name)}]`, "dict-object", "an accessor property, expected a data property");
      if (!walk(`${path}[${keyPath(name)}]`, x, d.value)) return false;
    }
    return true;
  };

  // `dict_converter: (entries) => new Map(entries)`: keys converted by value, in order.
  const walkMap = (path, v, r) => {
    if (Object.getPrototypeOf(r) !== Map.prototype) return fail(path, "dict-map", `expected a Map, got ${describe(r)}`);
    const entries = dictEntries(v).map(([k, x]) => [jsOf(k), x]);
    const got = [...r];
    if (got.length !== entries.length) return fail(path, "dict-map", `expected ${entries.length} entries (keys ${entries.map(([k]) => describe(k)).join(", ")}), got ${got.length} (keys ${got.map(([k]) => describe(k)).join(", ")})`);
    for (let i = 0; i < entries.length; i++) {
      const [k, x] = entries[i];
      const [rk, rx] = got[i];
      if (!same(k, rk) || typeof k !== typeof rk) return fail(`${path}.keys()[${i}]`, "dict-map", `expected key ${describe(k)} (${typeof k}), got ${describe(rk)} (${typeof rk})`);
      if (!walk(`${path}.get(${keyPath(k)})`, x, rx)) return false;
    }
    return true;
  };

  walk("$", original, actual);
  if (diff) return { ...diff, known: [...known] };
  return known.size ? { known: [...known] } : null;
}
