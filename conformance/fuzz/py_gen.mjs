// Random Python object graphs for the Python → JS → Python direction, as
// recipes (recipe.mjs) rendered to Python source: lists, tuples, dicts (str,
// int, bool, None, float and jsnull keys; rarely a tuple key, which must be
// refused), sets, frozensets, bytes, bytearray, array.array of each typecode,
// memoryviews (1-D, cast to '?', 2-D), None, jsnull, bools, ints at the
// Number/BigInt boundaries and huge, floats (-0.0, nan, ±inf, boundaries,
// random bits), strings with astral characters, lone surrogates and surrogate
// pairs written as two code points, class instances and a JS object (that
// cross by reference). Shared children and cycles come from naming an
// existing list or dict again (cycles go through a list or dict, as Python
// can only build them that way).
import { HOLE } from "./recipe.mjs";

const P53 = 2 ** 53;
const FLOATS = [0, -0, 1, -1, 0.5, -2.5, 0.1, 1e-7, 1e16, 1e21, 1e300, 2 ** 31, 2 ** 32, P53 - 1, -(P53 - 1), P53, -P53, P53 + 2, 2 ** 64, NaN, Infinity, -Infinity, Number.MIN_VALUE, Number.MAX_VALUE, Number.EPSILON];
const B53 = 2n ** 53n;
const INTS = [0n, 1n, -1n, 2n, 255n, 256n, 2n ** 31n, -(2n ** 31n), 2n ** 32n, B53 - 1n, -(B53 - 1n), B53, -B53, B53 + 1n, 2n ** 63n - 1n, -(2n ** 63n), 2n ** 64n, 10n ** 30n];
/** Code point sequences strings are made of ([0xd83d, 0xde00]: a pair as two code points). */
const PIECES = [[0x61], [0x62], [0x30], [0x31], [0x20], [0xe9], [0x4e2d], [0x1f600], [0xd800], [0xdbff], [0xdc00], [0xdfff], [0xd83d, 0xde00], [0], [0xffff], [0xfffd], [0x0a], [0x5c], [0x27], [0x22]];
const KEY_STRS = ["a", "b", "k", "0", "1", "10", "-1", "1.5", "true", "false", "None", "undefined", "null", "NaN", "Infinity", "inf", "1e+21", "__proto__", ""];

/** array.array typecodes, the value range of each, and whether it holds floats. */
const ARRAY_CODES = {
  b: [-(2 ** 7), 2 ** 7 - 1], B: [0, 2 ** 8 - 1], h: [-(2 ** 15), 2 ** 15 - 1], H: [0, 2 ** 16 - 1],
  i: [-(2 ** 31), 2 ** 31 - 1], I: [0, 2 ** 32 - 1], l: [-(2 ** 31), 2 ** 31 - 1], L: [0, 2 ** 32 - 1],
  q: [-(2n ** 63n), 2n ** 63n - 1n], Q: [0n, 2n ** 64n - 1n], f: "float", d: "float",
};

const cpsOf = (s) => [...s].map((c) => c.codePointAt(0));

function genCps(rng) {
  const cps = [];
  const n = rng.chance(0.03) ? rng.range(100, 2000) : rng.weighted([[2, 0], [3, 1], [4, 3], [2, 8]]);
  for (let i = 0; i < n; i++) cps.push(...rng.pick(PIECES));
  return cps;
}

function genInt(rng) {
  return rng.weighted([
    [4, () => rng.pick(INTS)],
    [3, () => BigInt(rng.range(-1000, 1000))],
    [1, () => (rng.chance(0.5) ? 1n : -1n) * rng.bigBits(53)],
    [2, () => (rng.chance(0.5) ? 1n : -1n) * rng.bigBits(rng.range(54, 400))],
  ])();
}

function genFloat(rng) {
  return rng.weighted([
    [5, () => rng.pick(FLOATS)],
    [2, () => rng.float64Bits()],
    [1, () => rng.range(-100, 100) / 4],
  ])();
}

function arrayValue(rng, code) {
  const r = ARRAY_CODES[code];
  if (r === "float") return code === "f" ? Math.fround(genFloat(rng)) : genFloat(rng);
  const [lo, hi] = r;
  if (typeof lo === "bigint") return rng.weighted([[2, lo], [2, hi], [1, 0n], [4, lo + (rng.bigBits(64) % (hi - lo + 1n))]]);
  return rng.weighted([[2, lo], [2, hi], [1, 0], [4, lo + rng.int(hi - lo + 1)]]);
}

function genBuffer(rng) {
  // Rarely a big one (the wasm memory grows while it is copied).
  const len = rng.chance(0.004) ? rng.range(1 << 16, 1 << 20) : rng.weighted([[1, 0], [3, 1], [4, rng.range(2, 6)], [1, rng.range(7, 40)]]);
  const bytes = () => Array.from({ length: len }, () => rng.int(256));
  return rng.weighted([
    [3, () => ({ k: "bytes", bytes: bytes() })],
    [1.5, () => ({ k: "bytearray", bytes: bytes() })],
    [3, () => {
      // 'w' (UCS-4 text) has no JS typed array: ConversionError "Unrecognized format character 'w'."
      const code = rng.chance(0.03) ? "w" : rng.pick(Object.keys(ARRAY_CODES));
      return { k: "pyarray", code, values: code === "w" ? genCps(rng).slice(0, 4) : Array.from({ length: len }, () => arrayValue(rng, code)) };
    }],
    [1, () => ({ k: "memoryview", bytes: bytes(), cast: null })],
    [0.5, () => ({ k: "memoryview", bytes: Array.from({ length: len }, () => (rng.chance(0.8) ? rng.int(2) : rng.int(256))), cast: "?" })],
    [0.5, () => {
      const rows = rng.range(1, 3);
      const cols = rng.range(1, 3); // a 0 in the shape: memoryview.cast refuses it
      return { k: "memoryview", bytes: Array.from({ length: rows * cols }, () => rng.int(256)), cast: [rows, cols] };
    }],
  ])();
}

/** A scalar leaf: what a dict key or a set member can be. */
function genScalar(rng, g, { forKey = false } = {}) {
  return rng.weighted([
    [forKey ? 6 : 3, () => g.add({ k: "str", cps: forKey && rng.chance(0.6) ? cpsOf(rng.pick(KEY_STRS)) : genCps(rng) })],
    [3, () => g.add({ k: "int", v: genInt(rng) })],
    [forKey ? 1 : 2, () => g.add({ k: "float", v: genFloat(rng) })],
    [1, () => g.add({ k: "bool", v: rng.chance(0.5) })],
    [1, () => g.add({ k: "none" })],
    [0.3, () => g.add({ k: "jsnull" })],
  ])();
}

function genLeaf(rng, g) {
  return rng.weighted([
    [8, () => genScalar(rng, g)],
    [2.5, () => g.addDone(genBuffer(rng))],
    [0.5, () => g.addDone({ k: "frozenset", vals: Array.from({ length: rng.range(0, 3) }, () => ({ k: "int", v: BigInt(rng.range(-3, 3)) })) })],
    [0.5, () => g.addDone({ k: "instance" })],
    [0.3, () => g.addDone({ k: "jsobject", v: rng.range(0, 1000) })],
  ])();
}

/** A random Python recipe; options as for generateJs. */
export function generatePy(rng, { maxDepth = 4, maxNodes = Math.max(30, 15 * maxDepth) } = {}) {
  const nodes = [];
  const mutable = []; // lists and dicts: may be named again at any time (cycles)
  const done = []; // finished nodes with identity (tuples, buffers, ...): may be shared
  const g = {
    add: (n) => nodes.push(n) - 1,
    addDone: (n) => {
      const id = nodes.push(n) - 1;
      done.push(id);
      return id;
    },
  };
  const share = rng.weighted([[2, 0], [3, 0.08], [2, 0.25]]);
  const value = (depth) => {
    if (mutable.length && rng.chance(share)) return rng.pick(mutable);
    if (done.length && rng.chance(share / 2)) return rng.pick(done);
    if (depth < maxDepth && nodes.length < maxNodes && rng.chance(depth === 0 ? 0.85 : 0.45)) return container(depth);
    return genLeaf(rng, g);
  };
  const count = () => rng.weighted([[1, 0], [3, 1], [5, rng.range(2, 5)], [1, rng.range(6, 12)]]);
  // A tuple of scalars: hashable, but no primitive: refused as a key or member.
  const tupleKey = () => {
    const items = [genScalar(rng, g), genScalar(rng, g)];
    return g.addDone({ k: "tuple", items });
  };
  const container = (depth) => {
    const k = rng.weighted([[4, "list"], [2, "tuple"], [3.5, "dict"], [1.5, "set"]]);
    const node = k === "dict" ? { k, entries: [] } : { k, items: [] };
    // A subclass converts as its base (docs "Deep conversion": list and dict
    // subclasses through their own __len__, __iter__, items()).
    // FuzzFresh*: __iter__ / items() make fresh lists ([x] per item).
    if (k !== "tuple" && rng.chance(0.1)) {
      node.sub = rng.pick({ list: ["FuzzList", "FuzzList", "FuzzFreshList"], dict: ["FuzzDict", "collections.OrderedDict", "FuzzFreshDict"], set: ["FuzzSet"] }[k]);
    }
    const id = g.add(node);
    if (k === "list" || k === "dict") mutable.push(id);
    if (k === "list" && rng.chance(0.01)) {
      // Wide: thousands of one-op leaves, so the plans' buffers grow mid-walk.
      const pool = [g.add({ k: "bool", v: true }), g.add({ k: "bool", v: false }), g.add({ k: "none" }), g.add({ k: "jsnull" }), g.add({ k: "int", v: 7n })];
      for (let n = rng.range(900, 5000); n > 0; n--) node.items.push(rng.pick(pool));
      return id;
    }
    for (let n = count(); n > 0; n--) {
      if (k === "dict") node.entries.push([rng.chance(0.005) ? tupleKey() : genScalar(rng, g, { forKey: true }), value(depth + 1)]);
      else if (k === "set") node.items.push(rng.chance(0.005) ? tupleKey() : genScalar(rng, g));
      else node.items.push(value(depth + 1));
    }
    if (k === "tuple" || k === "set") done.push(id);
    return id;
  };
  const root = value(0);
  return { dir: "py", root, nodes };
}

// ---- Python source.

export function pyStr(cps) {
  let s = "'";
  for (const c of cps) {
    if (c >= 0x20 && c < 0x7f && c !== 0x27 && c !== 0x5c) s += String.fromCharCode(c);
    else if (c < 0x100) s += "\\x" + c.toString(16).padStart(2, "0");
    else if (c < 0x10000) s += "\\u" + c.toString(16).padStart(4, "0");
    else s += "\\U" + c.toString(16).padStart(8, "0");
  }
  return s + "'";
}

export function pyFloat(v) {
  if (Number.isNaN(v)) return "float('nan')";
  if (v === Infinity) return "float('inf')";
  if (v === -Infinity) return "float('-inf')";
  if (Object.is(v, -0)) return "-0.0";
  const s = String(v);
  return /[.e]/.test(s) ? s : s + ".0";
}

const pyBytes = (bytes) => "b'" + bytes.map((b) => "\\x" + b.toString(16).padStart(2, "0")).join("") + "'";

function pyScalar(n) {
  switch (n.k) {
    case "none": return "None";
    case "jsnull": return "jsnull";
    case "bool": return n.v ? "True" : "False";
    case "int": return String(n.v);
    case "float": return pyFloat(n.v);
    case "str": return pyStr(n.cps);
  }
  return undefined;
}

function pyLeaf(n) {
  switch (n.k) {
    case "bytes": return pyBytes(n.bytes);
    case "bytearray": return `bytearray(${pyBytes(n.bytes)})`;
    case "pyarray":
      if (n.code === "w") return `array.array('w', ${pyStr(n.values)})`;
      return `array.array('${n.code}', [${n.values.map((x) => (typeof x === "number" && "fd".includes(n.code) ? pyFloat(x) : String(x))).join(", ")}])`;
    case "memoryview": {
      const m = `memoryview(${pyBytes(n.bytes)})`;
      if (n.cast === "?") return `${m}.cast('?')`;
      if (Array.isArray(n.cast)) return `${m}.cast('B', (${n.cast[0]}, ${n.cast[1]}))`;
      return m;
    }
    case "frozenset": return `frozenset([${n.vals.map(pyScalar).join(", ")}])`;
    case "instance": return "FuzzObj()";
    case "jsobject": return `js.Date.new(${n.v})`;
  }
  return undefined;
}

/**
 * Python source that builds the recipe's object as `root` (run by
 * py_equal.py's `trip` with FuzzObj, FuzzList, FuzzDict, FuzzSet,
 * FuzzFreshList, FuzzFreshDict, jsnull, js, array and collections defined).
 */
export function renderPy(recipe) {
  const decl = [];
  const tuples = [];
  const fill = [];
  const seen = new Set();
  const ref = (id) => pyScalar(recipe.nodes[id]) ?? `n${id}`;
  const tupleDone = new Set();
  const defineTuple = (id) => {
    if (tupleDone.has(id)) return;
    tupleDone.add(id);
    const n = recipe.nodes[id];
    for (const c of n.items) if (recipe.nodes[c].k === "tuple") defineTuple(c);
    tuples.push(`n${id} = (${n.items.map(ref).join(", ")}${n.items.length === 1 ? "," : ""})`);
  };
  const visit = (id) => {
    if (seen.has(id)) return;
    seen.add(id);
    const n = recipe.nodes[id];
    const name = `n${id}`;
    if (pyScalar(n) !== undefined) return;
    const leaf = pyLeaf(n);
    if (leaf !== undefined) decl.push(`${name} = ${leaf}`);
    else if (n.k === "list") {
      decl.push(`${name} = ${n.sub ? `${n.sub}()` : "[]"}`);
      if (n.items.length) fill.push(`${name}.extend([${n.items.map(ref).join(", ")}])`);
    } else if (n.k === "dict") {
      decl.push(`${name} = ${n.sub ? `${n.sub}()` : "{}"}`);
      for (const [a, b] of n.entries) fill.push(`${name}[${ref(a)}] = ${ref(b)}`);
    } else if (n.k === "set") {
      decl.push(`${name} = ${n.sub ? `${n.sub}()` : "set()"}`);
      if (n.items.length) fill.push(`${name}.update([${n.items.map(ref).join(", ")}])`);
    } else if (n.k === "tuple") {
      defineTuple(id);
    } else throw new Error(`unknown Python recipe kind ${n.k}`);
    for (const c of n.items ?? []) if (c !== HOLE) visit(c);
    for (const [a, b] of n.entries ?? []) {
      visit(a);
      visit(b);
    }
  };
  visit(recipe.root);
  return [...decl, ...tuples, ...fill, `root = ${ref(recipe.root)}`].join("\n");
}

/** Simpler versions of a leaf node, for the shrinker. */
export function simplerPyLeaves(n) {
  const out = [];
  switch (n.k) {
    case "int":
      for (const v of [0n, 1n]) if (v !== n.v) out.push({ k: "int", v });
      if (n.v > 1n || n.v < -1n) out.push({ k: "int", v: n.v / 2n });
      break;
    case "float":
      for (const v of [0, 1]) if (!Object.is(v, n.v)) out.push({ k: "float", v });
      break;
    case "str":
      if (n.cps.length) {
        out.push({ k: "str", cps: [] });
        out.push({ k: "str", cps: n.cps.slice(0, n.cps.length >> 1) });
        out.push({ k: "str", cps: n.cps.slice(n.cps.length >> 1) });
        for (let i = 0; i < n.cps.length && i < 16; i++) out.push({ k: "str", cps: n.cps.filter((_, j) => j !== i) });
      }
      break;
    case "bytes": case "bytearray": case "memoryview":
      if (n.cast !== undefined && n.cast !== null) out.push({ ...n, cast: null });
      if (n.bytes.length && !Array.isArray(n.cast)) {
        out.push({ ...n, bytes: n.bytes.slice(0, n.bytes.length >> 1) });
        for (let i = 0; i < n.bytes.length && i < 16; i++) out.push({ ...n, bytes: n.bytes.filter((_, j) => j !== i) });
      }
      if (n.k !== "bytes") out.push({ k: "bytes", bytes: n.bytes });
      break;
    case "pyarray":
      if (n.values.length) {
        out.push({ ...n, values: n.values.slice(0, n.values.length >> 1) });
        for (let i = 0; i < n.values.length && i < 16; i++) out.push({ ...n, values: n.values.filter((_, j) => j !== i) });
      }
      break;
    case "frozenset":
      if (n.vals.length) out.push({ ...n, vals: n.vals.slice(1) });
      break;
    case "jsobject":
      out.push({ k: "instance" });
      break;
  }
  return out;
}

export const SIMPLEST_PY = { k: "none" };
