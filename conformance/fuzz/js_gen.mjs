// Random JS value graphs for the JS → Python → JS direction, as recipes
// (recipe.mjs): nested Arrays (with holes), plain and null-prototype Objects,
// Maps, Sets, every typed array kind, DataView and ArrayBuffer, numbers at the
// integer and float boundaries, BigInts small and huge, strings with astral
// characters and lone surrogates, booleans, null, undefined, and opaque
// objects (a class instance, a function) that cross by reference. Shared
// children and cycles come from naming an existing container again.
// `buildJs` makes the value, `renderJs` a JS expression that makes it again.
import { HOLE } from "./recipe.mjs";

const P53 = 2 ** 53;
const NUMBERS = [
  0, -0, 1, -1, 2, 0.5, -2.5, 0.1, 1e-7, 1e21, 1e300,
  2 ** 31, -(2 ** 31), 2 ** 31 - 1, 2 ** 32, 2 ** 32 - 1,
  P53 - 1, -(P53 - 1), P53, -P53, P53 + 2, 2 ** 64, 2 ** 1023,
  NaN, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, Number.EPSILON,
];
const B53 = 2n ** 53n;
const BIGINTS = [0n, 1n, -1n, 5n, B53 - 1n, -(B53 - 1n), B53, -B53, B53 + 1n, 2n ** 63n - 1n, -(2n ** 63n), 2n ** 64n - 1n, 2n ** 64n, 10n ** 30n];

/** Code units and code points strings are made of. */
const PIECES = ["a", "b", "z", "0", "1", " ", "_", "\u00e9", "\u4e2d", "\ud83d\ude00", "\ud800", "\udbff", "\udc00", "\udfff", "\u0000", "\uffff", "\ufffd", "\n", "\\", '"', "'"];
const KEYS = ["a", "b", "k", "x1", "0", "1", "2", "10", "01", "-1", "1.5", "-0", "NaN", "true", "null", "undefined", "constructor", "toString", "length", "__proto__", "", "\ud800", "\ud83d\ude00", "\u00e9"];

export const TYPED_KINDS = [
  "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array",
  "Int32Array", "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
];

function typedValue(rng, kind) {
  const intIn = (bits, signed) => {
    const lo = signed ? -(2 ** (bits - 1)) : 0;
    const hi = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
    return rng.weighted([[3, lo], [3, hi], [2, 0], [2, 1], [6, lo + rng.int(hi - lo + 1)]]);
  };
  switch (kind) {
    case "Int8Array": return intIn(8, true);
    case "Uint8Array": case "Uint8ClampedArray": return intIn(8, false);
    case "Int16Array": return intIn(16, true);
    case "Uint16Array": return intIn(16, false);
    case "Int32Array": return intIn(32, true);
    case "Uint32Array": return intIn(32, false);
    case "Float32Array": return rng.chance(0.5) ? rng.pick(NUMBERS) : Math.fround(rng.float64Bits());
    case "Float64Array": return rng.chance(0.5) ? rng.pick(NUMBERS) : rng.float64Bits();
    case "BigInt64Array": return BigInt.asIntN(64, rng.chance(0.4) ? rng.pick(BIGINTS) : rng.bigBits(64));
    case "BigUint64Array": return BigInt.asUintN(64, rng.chance(0.4) ? rng.pick(BIGINTS) : rng.bigBits(64));
  }
  throw new Error(`unknown typed array kind ${kind}`);
}

function genNumber(rng) {
  return rng.weighted([
    [5, () => rng.pick(NUMBERS)],
    [3, () => rng.range(-1000, 1000)],
    [1, () => rng.range(-(2 ** 31), 2 ** 31)],
    [1, () => (rng.chance(0.5) ? 1 : -1) * Number(rng.bigBits(53))],
    [2, () => rng.float64Bits()],
    [1, () => rng.range(-100, 100) / 8],
  ])();
}

function genBigInt(rng) {
  return rng.weighted([
    [4, () => rng.pick(BIGINTS)],
    [2, () => BigInt(rng.range(-100, 100))],
    [2, () => (rng.chance(0.5) ? 1n : -1n) * rng.bigBits(rng.range(54, 300))],
    [1, () => (rng.chance(0.5) ? 1n : -1n) * rng.bigBits(53)],
  ])();
}

export function genString(rng) {
  if (rng.chance(0.03)) {
    let s = "";
    for (let i = rng.range(100, 3000); i > 0; i--) s += rng.pick(PIECES);
    return s;
  }
  let s = "";
  for (let i = rng.weighted([[2, 0], [3, 1], [4, 3], [2, 8]]); i > 0; i--) s += rng.pick(PIECES);
  return s;
}

function genKey(rng) {
  return rng.chance(0.8) ? rng.pick(KEYS) : genString(rng);
}

function genTyped(rng) {
  const kind = rng.weighted([[10, "typed"], [1.5, "dataview"], [1.5, "arraybuffer"]]);
  // Rarely a big one (the wasm memory grows while it is copied).
  const len = rng.chance(0.004) ? rng.range(1 << 13, 1 << 17) : rng.weighted([[1, 0], [3, 1], [4, rng.range(2, 6)], [1, rng.range(7, 40)]]);
  const sliced = kind !== "arraybuffer" && rng.chance(0.25);
  const offset = sliced ? rng.range(0, 3) : 0;
  const extra = sliced ? rng.range(0, 3) : 0;
  if (kind === "typed") {
    const type = rng.pick(TYPED_KINDS);
    return { k: "typed", type, values: Array.from({ length: len }, () => typedValue(rng, type)), offset, extra };
  }
  const bytes = Array.from({ length: len }, () => rng.int(256));
  return kind === "dataview" ? { k: "dataview", bytes, offset, extra } : { k: "arraybuffer", bytes };
}

/** A leaf that can be a Map key or a Set member: a primitive or an opaque object. */
function genKeyLeaf(rng, g) {
  return rng.weighted([
    [4, () => g.add({ k: "string", v: rng.chance(0.5) ? rng.pick(KEYS) : genString(rng) })],
    [3, () => g.add({ k: "number", v: genNumber(rng) })],
    [1.5, () => g.add({ k: "bigint", v: genBigInt(rng) })],
    [1, () => g.add({ k: "bool", v: rng.chance(0.5) })],
    [0.5, () => g.add({ k: "null" })],
    [0.5, () => g.add({ k: "undefined" })],
    // Not a buffer: a memoryview is not hashable (toPy's TypeError/ValueError).
    [0.7, () => (g.keyable.length && rng.chance(0.5) ? rng.pick(g.keyable) : g.addKeyable({ k: rng.chance(0.7) ? "instance" : "function" }))],
  ])();
}

function genLeaf(rng, g) {
  return rng.weighted([
    [4, () => g.add({ k: "number", v: genNumber(rng) })],
    [2, () => g.add({ k: "bigint", v: genBigInt(rng) })],
    [3, () => g.add({ k: "string", v: genString(rng) })],
    [1, () => g.add({ k: "bool", v: rng.chance(0.5) })],
    [1, () => g.add({ k: "null" })],
    [1, () => g.add({ k: "undefined" })],
    [2.5, () => g.addOpaque(genTyped(rng))],
    [0.6, () => g.addKeyable({ k: rng.chance(0.7) ? "instance" : "function" })],
  ])();
}

/**
 * A random JS recipe. `maxDepth`: containers nest at most this deep;
 * `maxNodes`: a soft cap on the number of nodes.
 */
export function generateJs(rng, { maxDepth = 4, maxNodes = Math.max(30, 15 * maxDepth) } = {}) {
  const nodes = [];
  const containers = [];
  // Objects that cross by reference or as buffers: `opaque`; those of them
  // that can be Map keys and Set members: `keyable`.
  const g = {
    opaque: [],
    keyable: [],
    add: (n) => nodes.push(n) - 1,
    addOpaque: (n) => {
      const id = nodes.push(n) - 1;
      g.opaque.push(id);
      return id;
    },
    addKeyable: (n) => {
      const id = g.addOpaque(n);
      g.keyable.push(id);
      return id;
    },
  };
  const share = rng.weighted([[2, 0], [3, 0.08], [2, 0.25]]);
  const value = (depth) => {
    if (containers.length && rng.chance(share)) return rng.pick(containers);
    if (g.opaque.length && rng.chance(share / 3)) return rng.pick(g.opaque);
    if (depth < maxDepth && nodes.length < maxNodes && rng.chance(depth === 0 ? 0.85 : 0.45)) return container(depth);
    return genLeaf(rng, g);
  };
  const count = () => rng.weighted([[1, 0], [3, 1], [5, rng.range(2, 5)], [1, rng.range(6, 12)]]);
  // A Map key or Set member Python cannot hash once converted (a container,
  // a buffer): toPy fails, unless `depth` leaves it a JsProxy.
  const unhashable = (depth) => {
    if (containers.length && rng.chance(0.3)) return rng.pick(containers);
    if (depth < maxDepth && rng.chance(0.6)) return container(depth);
    return g.addOpaque(genTyped(rng));
  };
  const key = (depth) => (rng.chance(0.015) ? unhashable(depth) : genKeyLeaf(rng, g));
  const container = (depth) => {
    const k = rng.weighted([[4, "array"], [3, "object"], [2, "map"], [1.5, "set"]]);
    const node = k === "object" ? { k, entries: [] } : k === "map" ? { k, entries: [] } : { k, items: [] };
    // Variants: a subclass (Array, Map, Set); for objects a null prototype,
    // getters, and properties Object.keys leaves out (a symbol key, a
    // non-enumerable one).
    if (k === "object") {
      if (rng.chance(0.1)) node.nullProto = true;
      if (rng.chance(0.1)) node.getters = true;
      if (rng.chance(0.1)) node.hidden = true;
    } else if (rng.chance(0.1)) node.sub = true;
    const id = g.add(node);
    containers.push(id);
    if (k === "array" && rng.chance(0.01)) {
      // Wide: thousands of one-op leaves, so the plan's buffers grow mid-walk.
      const pool = [g.add({ k: "bool", v: true }), g.add({ k: "bool", v: false }), g.add({ k: "null" }), g.add({ k: "undefined" }), g.add({ k: "number", v: 1.5 })];
      for (let n = rng.range(900, 5000); n > 0; n--) node.items.push(rng.pick(pool));
      return id;
    }
    for (let n = count(); n > 0; n--) {
      if (k === "array") node.items.push(rng.chance(0.04) ? HOLE : value(depth + 1));
      else if (k === "object") node.entries.push([genKey(rng), value(depth + 1)]);
      else if (k === "map") node.entries.push([key(depth + 1), value(depth + 1)]);
      else node.items.push(key(depth + 1));
    }
    return id;
  };
  const root = value(0);
  return { dir: "js", root, nodes };
}

class FuzzThing {}
class FuzzArray extends Array {}
class FuzzMap extends Map {}
class FuzzSet extends Set {}

function makeTyped(n) {
  const Ctor = globalThis[n.type];
  const all = new Ctor(n.offset + n.values.length + n.extra);
  // Bytes outside the view hold a marker, so that copying the whole buffer shows.
  all.fill(n.type.startsWith("Big") ? 0x7en : 0x7e);
  all.set(n.values, n.offset);
  return n.offset || n.extra ? all.subarray(n.offset, n.offset + n.values.length) : all;
}

function makeDataView(n) {
  const all = new Uint8Array(n.offset + n.bytes.length + n.extra).fill(0x7e);
  all.set(n.bytes, n.offset);
  return new DataView(all.buffer, n.offset, n.bytes.length);
}

/** The JS value a recipe describes. */
export function buildJs(recipe) {
  const made = new Map();
  const val = (id) => {
    if (made.has(id)) return made.get(id);
    const n = recipe.nodes[id];
    let v;
    switch (n.k) {
      case "undefined": v = undefined; break;
      case "null": v = null; break;
      case "bool": case "number": case "bigint": case "string": v = n.v; break;
      case "instance": v = new FuzzThing(); break;
      case "function": v = function fuzzFn() {}; break;
      case "typed": v = makeTyped(n); break;
      case "dataview": v = makeDataView(n); break;
      case "arraybuffer": v = new Uint8Array(n.bytes).buffer; break;
      case "array": v = n.sub ? new FuzzArray() : []; break;
      case "object": v = n.nullProto ? Object.create(null) : {}; break;
      case "map": v = n.sub ? new FuzzMap() : new Map(); break;
      case "set": v = n.sub ? new FuzzSet() : new Set(); break;
      default: throw new Error(`unknown JS recipe kind ${n.k}`);
    }
    made.set(id, v);
    if (n.k === "array") {
      v.length = n.items.length;
      n.items.forEach((c, i) => {
        if (c !== HOLE) v[i] = val(c);
      });
    } else if (n.k === "object") {
      for (const [key, c] of n.entries) {
        if (n.getters) {
          const x = val(c);
          Object.defineProperty(v, key, { get: () => x, enumerable: true, configurable: true });
        } else setProperty(v, key, val(c));
      }
      if (n.hidden) {
        v[Symbol("fuzz")] = 1;
        Object.defineProperty(v, "fuzzHidden", { value: 2, enumerable: false });
      }
    } else if (n.k === "map") {
      for (const [a, b] of n.entries) {
        const key = val(a);
        v.set(key, val(b));
      }
    } else if (n.k === "set") {
      for (const c of n.items) v.add(val(c));
    }
    return v;
  };
  return val(recipe.root);
}

/** `o[key] = v`, except that "__proto__" becomes an own property (as JSON.parse makes it). */
function setProperty(o, key, v) {
  if (key === "__proto__") Object.defineProperty(o, key, { value: v, writable: true, enumerable: true, configurable: true });
  else o[key] = v;
}

/** A JS string literal, non-ASCII escaped per code unit (lone surrogates included). */
export function jsString(s) {
  return '"' + s.replace(/[^\x20-\x7e]|["\\]/g, (c) => (c === '"' || c === "\\" ? "\\" + c : "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"))) + '"';
}

export function jsNumber(v) {
  if (Object.is(v, -0)) return "-0";
  return String(v); // NaN, Infinity, -Infinity and shortest round-trip digits
}

function jsScalar(v) {
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "number") return jsNumber(v);
  if (typeof v === "string") return jsString(v);
  return String(v);
}

/** A JS expression that builds the recipe's value again (for failure reports). */
export function renderJs(recipe) {
  const lines = [];
  const named = new Set();
  const ref = (id) => {
    const n = recipe.nodes[id];
    if (["undefined", "null", "bool", "number", "bigint", "string"].includes(n.k)) return n.k === "undefined" ? "undefined" : n.k === "null" ? "null" : jsScalar(n.v);
    named.add(id);
    return `n${id}`;
  };
  const decl = [];
  const fill = [];
  const seen = new Set();
  const visit = (id) => {
    if (seen.has(id)) return;
    seen.add(id);
    const n = recipe.nodes[id];
    const name = `n${id}`;
    switch (n.k) {
      case "instance": decl.push(`const ${name} = new FuzzThing();`); break;
      case "function": decl.push(`const ${name} = function fuzzFn() {};`); break;
      case "typed": {
        const vals = n.values.map(jsScalar).join(", ");
        if (n.offset || n.extra) {
          const fill0 = n.type.startsWith("Big") ? "0x7en" : "0x7e";
          decl.push(`const ${name} = ((a) => (a.set([${vals}], ${n.offset}), a.subarray(${n.offset}, ${n.offset + n.values.length})))(new ${n.type}(${n.offset + n.values.length + n.extra}).fill(${fill0}));`);
        } else decl.push(`const ${name} = new ${n.type}([${vals}]);`);
        break;
      }
      case "dataview":
        decl.push(`const ${name} = new DataView(new Uint8Array([${[...Array(n.offset).fill(0x7e), ...n.bytes, ...Array(n.extra).fill(0x7e)].join(", ")}]).buffer, ${n.offset}, ${n.bytes.length});`);
        break;
      case "arraybuffer": decl.push(`const ${name} = new Uint8Array([${n.bytes.join(", ")}]).buffer;`); break;
      case "array": {
        decl.push(`const ${name} = ${n.sub ? "new FuzzArray()" : "[]"};`);
        if (n.items.includes(HOLE)) fill.push(`${name}.length = ${n.items.length};`);
        n.items.forEach((c, i) => {
          if (c !== HOLE) fill.push(`${name}[${i}] = ${ref(c)};`);
        });
        break;
      }
      case "object":
        decl.push(`const ${name} = ${n.nullProto ? "Object.create(null)" : "{}"};`);
        for (const [key, c] of n.entries) {
          if (n.getters) fill.push(`Object.defineProperty(${name}, ${jsString(key)}, { get: () => ${ref(c)}, enumerable: true, configurable: true });`);
          else fill.push(key === "__proto__" ? `Object.defineProperty(${name}, "__proto__", { value: ${ref(c)}, writable: true, enumerable: true, configurable: true });` : `${name}[${jsString(key)}] = ${ref(c)};`);
        }
        if (n.hidden) fill.push(`${name}[Symbol("fuzz")] = 1;`, `Object.defineProperty(${name}, "fuzzHidden", { value: 2, enumerable: false });`);
        break;
      case "map":
        decl.push(`const ${name} = new ${n.sub ? "FuzzMap" : "Map"}();`);
        for (const [a, b] of n.entries) fill.push(`${name}.set(${ref(a)}, ${ref(b)});`);
        break;
      case "set":
        decl.push(`const ${name} = new ${n.sub ? "FuzzSet" : "Set"}();`);
        for (const c of n.items) fill.push(`${name}.add(${ref(c)});`);
        break;
      default:
        return;
    }
    for (const c of n.items ?? []) if (c !== HOLE) visit(c);
    for (const e of n.entries ?? []) {
      if (typeof e[0] === "number") visit(e[0]);
      visit(e[1]);
    }
  };
  visit(recipe.root);
  const root = ref(recipe.root);
  if (!decl.length) return root;
  const used = recipe.nodes.filter((n, i) => seen.has(i));
  const classes = [
    used.some((n) => n.k === "instance") && "  class FuzzThing {}",
    used.some((n) => n.k === "array" && n.sub) && "  class FuzzArray extends Array {}",
    used.some((n) => n.k === "map" && n.sub) && "  class FuzzMap extends Map {}",
    used.some((n) => n.k === "set" && n.sub) && "  class FuzzSet extends Set {}",
  ].filter(Boolean);
  return ["(() => {", ...classes, ...decl.map((l) => "  " + l), ...fill.map((l) => "  " + l), `  return ${root};`, "})()"].join("\n");
}

/** Simpler versions of a leaf node, for the shrinker. */
export function simplerJsLeaves(n) {
  const out = [];
  switch (n.k) {
    case "number":
      for (const v of [0, 1]) if (!Object.is(v, n.v)) out.push({ k: "number", v });
      if (!Number.isInteger(n.v) && Number.isFinite(n.v)) out.push({ k: "number", v: Math.trunc(n.v) });
      break;
    case "bigint":
      for (const v of [0n, 1n]) if (v !== n.v) out.push({ k: "bigint", v });
      if (n.v > 1n || n.v < -1n) out.push({ k: "bigint", v: n.v / 2n });
      break;
    case "string":
      if (n.v.length) {
        out.push({ k: "string", v: "" });
        out.push({ k: "string", v: n.v.slice(0, n.v.length >> 1) });
        out.push({ k: "string", v: n.v.slice(n.v.length >> 1) });
        for (let i = 0; i < n.v.length && i < 16; i++) out.push({ k: "string", v: n.v.slice(0, i) + n.v.slice(i + 1) });
      }
      break;
    case "typed":
      if (n.offset || n.extra) out.push({ ...n, offset: 0, extra: 0 });
      if (n.values.length) {
        out.push({ ...n, values: n.values.slice(0, n.values.length >> 1) });
        for (let i = 0; i < n.values.length && i < 16; i++) out.push({ ...n, values: n.values.filter((_, j) => j !== i) });
      }
      if (n.type !== "Uint8Array" && !n.type.startsWith("Big")) out.push({ ...n, type: "Uint8Array", values: n.values.map(() => 0) });
      break;
    case "dataview":
    case "arraybuffer":
      if (n.offset || n.extra) out.push({ ...n, offset: 0, extra: 0 });
      if (n.bytes.length) out.push({ ...n, bytes: n.bytes.slice(0, n.bytes.length >> 1) });
      break;
    case "function":
      out.push({ k: "instance" });
      break;
  }
  return out;
}

/** The simplest JS leaf, what the shrinker puts in place of a subgraph. */
export const SIMPLEST_JS = { k: "null" };
