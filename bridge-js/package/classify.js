// What a JS value is, in one call from Rust (bridge-js/src/convert.rs): a tag
// word (flags.js, generated from bridge-core/src/boundary), with the number,
// the object's identity, the Python key or the string left in the scratch area.
//
// An object's identity and capability flags are computed the first time it
// crosses and cached per object (one WeakMap per runtime), so `==` on two
// JsProxies of one object needs no crossing. Nothing here may throw: every
// check that can run user code (getters, Proxy traps) is guarded.

import { TAG, TAG_BITS, JS_FLAGS as F } from "./flags.js";

function guarded(f) {
  try {
    return f();
  } catch {
    return false;
  }
}

const isFn = (x) => typeof x === "function";

const ARRAY_LIKE_TAGS = new Set([
  "[object Arguments]",
  "[object NodeList]",
  "[object HTMLCollection]",
  "[object HTMLFormControlsCollection]",
  "[object HTMLOptionsCollection]",
  "[object FileList]",
  "[object DOMTokenList]",
  "[object CSSRuleList]",
  "[object TouchList]",
  "[object DOMStringList]",
]);

/** The capability flags of an object or function. */
export function jsFlags(v) {
  let flags = 0;
  if (typeof v === "function") {
    flags |= F.callable;
    if (guarded(() => v.prototype !== undefined)) flags |= F.constructor;
  }
  if (guarded(() => Array.isArray(v))) flags |= F.array;
  if (ArrayBuffer.isView(v)) {
    flags |= F.buffer;
    if (!(v instanceof DataView)) flags |= F.typedArray;
  } else if (guarded(() => v instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && v instanceof SharedArrayBuffer))) {
    flags |= F.buffer;
  }
  if (guarded(() => v instanceof Map)) flags |= F.map;
  if (guarded(() => v instanceof Set)) flags |= F.set;
  if (guarded(() => v instanceof Error)) flags |= F.error;
  if (guarded(() => isFn(v[Symbol.iterator]))) flags |= F.iterable;
  if (guarded(() => isFn(v[Symbol.asyncIterator]))) flags |= F.asyncIterable;
  if (guarded(() => isFn(v.next))) flags |= F.iterator;
  if (guarded(() => isFn(v.then))) flags |= F.thenable;
  const tag = guarded(() => Object.prototype.toString.call(v));
  if (tag === "[object Generator]") flags |= F.generator;
  if (tag === "[object AsyncGenerator]") flags |= F.asyncGenerator;
  if (guarded(() => typeof v.length === "number" || typeof v.size === "number")) flags |= F.hasLength;
  // Array-likes are the engine's and the DOM's own (arguments, NodeList,
  // HTMLCollection…), not any object with a `length`: a plain
  // `{length: 2, 0: "a"}` stays a plain object, as in Pyodide.
  if (!(flags & (F.array | F.callable)) && ARRAY_LIKE_TAGS.has(tag)) flags |= F.arrayLike;
  if (typeof Element !== "undefined" && guarded(() => v instanceof Element)) flags |= F.domElement;
  if (guarded(() => isFn(v.get))) flags |= F.hasGet;
  if (guarded(() => isFn(v.set))) flags |= F.hasSet;
  if (guarded(() => isFn(v.has))) flags |= F.hasHas;
  return flags;
}

export function makeClassify(runtime) {
  const known = new WeakMap(); // object -> {id, word}
  let nextId = 1;
  const symbolWord = TAG.object | (F.symbol << TAG_BITS);
  /**
   * The tag word of `v`; its content goes to the value slot at `base` (and a
   * string's bytes from byte `offset`): see bridge-core/src/boundary/scratch.rs.
   */
  return function classify(v, base = 0, offset = 0) {
    const mem = runtime.mem;
    switch (typeof v) {
      case "number":
        mem.f64()[base] = v;
        return TAG.number;
      case "string":
        mem.stringOut(v, base, offset);
        return TAG.string;
      case "undefined":
        return TAG.undefined;
      case "boolean":
        return v ? TAG.true : TAG.false;
      case "bigint":
        return TAG.bigint;
      case "symbol":
        mem.f64()[base] = 0; // no identity id: symbols are not WeakMap keys everywhere
        return symbolWord;
      case "object":
        if (v === null) return TAG.null;
    }
    const dp = runtime.doubleProxies.get(v);
    if (dp !== undefined) {
      if (dp.roundtrip) {
        // create_proxy(..., roundtrip=True): Python gets a JsDoubleProxy.
        let rec = known.get(v);
        if (rec === undefined) {
          const f = (typeof v === "function" ? F.callable : 0) | F.doubleProxy;
          rec = { id: nextId++, word: TAG.object | (f << TAG_BITS) };
          known.set(v, rec);
        }
        mem.f64()[base] = rec.id;
        return rec.word;
      }
      const k = runtime.pythonKeyOf(dp.p); // roundtrip=False: the Python object itself
      if (k >= 0) {
        const f = mem.f64();
        f[base] = k;
        f[base + 1] = runtime.isDestroyedProxy(dp.p) ? 1 : 0;
        return TAG.python;
      }
    }
    const key = runtime.pythonKeyOf(v);
    if (key >= 0) {
      // A destroyed proxy still answers its key (its entry may live on
      // through another proxy of the object); the second slot says it is
      // destroyed, so that Rust refuses it (bridge-js/src/convert.rs).
      const f = mem.f64();
      f[base] = key;
      f[base + 1] = runtime.isDestroyedProxy(v) ? 1 : 0;
      return TAG.python;
    }
    let rec = known.get(v);
    if (rec === undefined) {
      rec = { id: nextId++, word: TAG.object | (jsFlags(v) << TAG_BITS) };
      known.set(v, rec);
    }
    mem.f64()[base] = rec.id;
    return rec.word;
  };
}
