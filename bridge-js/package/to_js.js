// `to_js()` in bulk: decode a plan bridge-py wrote (the wire format of
// bridge-core/src/convert/wire.rs, the same as to_py's) into JS values, in one
// call. Lists become Arrays, sets Sets, dicts plain Objects (or whatever
// `dictConverter` makes of their [key, value] entries); a shared child is one
// value and a cycle stays a cycle; by-reference leaves (PyProxies, JS objects)
// come in `objects`.

const K = { undefined: 0, null: 1, false: 2, true: 3, number: 4, string: 5, bigint: 6, list: 7, map: 8, set: 9, object: 10 };
const CHUNK = 8192;

function text(pool, offset, len) {
  if (len <= CHUNK) return String.fromCharCode.apply(null, pool.subarray(offset, offset + len));
  let s = "";
  for (let i = 0; i < len; i += CHUNK) s += String.fromCharCode.apply(null, pool.subarray(offset + i, offset + Math.min(len, i + CHUNK)));
  return s;
}

function bigint(hex) {
  return hex.startsWith("-") ? -BigInt("0x" + hex.slice(1)) : BigInt("0x" + hex);
}

const PENDING = Symbol("pending");

export function toJsHooks(runtime) {
  return {
    /**
     * The JS value of the plan at `opsPtr`/`poolPtr` (lengths in elements).
     * Throws (caught in Rust) when `dictConverter` throws or a cycle runs
     * through a dict it converts.
     */
    toJsBuild(opsPtr, opsLen, poolPtr, poolLen, objects, dictConverter, pyproxies) {
      const buf = runtime.mem.memory.buffer;
      // Copies: user code below (dictConverter) may grow memory.
      const ops = new Float64Array(buf, opsPtr, opsLen).slice();
      const pool = new Uint16Array(buf, poolPtr, poolLen).slice();
      if (pyproxies != null) {
        for (const o of objects) if (runtime.proxies.has(o)) pyproxies.push(o);
      }
      // Index the nodes: the offset of each node's kind.
      const at = [];
      for (let i = 0; i < ops.length; ) {
        at.push(i);
        const k = ops[i];
        if (k <= K.true) i += 1;
        else if (k === K.number || k === K.object) i += 2;
        else if (k === K.string || k === K.bigint) i += 3;
        else if (k === K.list || k === K.set) i += 2 + ops[i + 1];
        else if (k === K.map) i += 2 + 2 * ops[i + 1];
        else throw new TypeError(`to_js: unknown node kind ${k}`);
      }
      const out = new Array(at.length).fill(PENDING);
      const value = (id) => {
        const done = out[id];
        if (done !== PENDING) {
          if (done === BUILDING) throw new TypeError("to_js: a dict converted by dict_converter is part of a cycle; it cannot contain itself");
          return done;
        }
        const i = at[id];
        switch (ops[i]) {
          case K.undefined:
            return (out[id] = undefined);
          case K.null:
            return (out[id] = null);
          case K.false:
            return (out[id] = false);
          case K.true:
            return (out[id] = true);
          case K.number:
            return (out[id] = ops[i + 1]);
          case K.string:
            return (out[id] = text(pool, ops[i + 1], ops[i + 2]));
          case K.bigint:
            return (out[id] = bigint(text(pool, ops[i + 1], ops[i + 2])));
          case K.object:
            return (out[id] = objects[ops[i + 1]]);
          case K.list: {
            const n = ops[i + 1];
            const a = new Array(n);
            out[id] = a; // before the items: a cycle reaches this array
            for (let j = 0; j < n; j++) a[j] = value(ops[i + 2 + j]);
            return a;
          }
          case K.set: {
            const s = new Set();
            out[id] = s;
            for (let j = 0, n = ops[i + 1]; j < n; j++) s.add(value(ops[i + 2 + j]));
            return s;
          }
          case K.map: {
            const n = ops[i + 1];
            if (dictConverter == null) {
              const o = {};
              out[id] = o;
              for (let j = 0; j < n; j++) {
                const key = value(ops[i + 2 + 2 * j]);
                // defineProperty: a "__proto__" key is an own property, not the prototype.
                Object.defineProperty(o, String(key), { value: value(ops[i + 3 + 2 * j]), writable: true, enumerable: true, configurable: true });
              }
              return o;
            }
            out[id] = BUILDING;
            const entries = new Array(n);
            for (let j = 0; j < n; j++) entries[j] = [value(ops[i + 2 + 2 * j]), value(ops[i + 3 + 2 * j])];
            return (out[id] = dictConverter(entries));
          }
        }
        throw new TypeError(`to_js: unknown node kind ${ops[i]}`);
      };
      return value(0);
    },
    /** A new typed array named `kind` ("" for Uint8Array) holding a copy of `len` bytes at `ptr`. */
    newTypedArray(kind, ptr, len) {
      const Ctor = kind === "" ? Uint8Array : globalThis[kind];
      if (typeof Ctor !== "function") throw new TypeError(`to_js: this JS engine has no ${kind}`);
      const bytes = new Uint8Array(runtime.mem.memory.buffer, ptr, len).slice();
      const size = Ctor.BYTES_PER_ELEMENT;
      if (len % size !== 0) return bytes;
      return new Ctor(bytes.buffer, 0, len / size);
    },
  };
}

const BUILDING = Symbol("building");
