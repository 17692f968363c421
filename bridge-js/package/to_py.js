// `to_py()` in bulk: walk a JS object graph in one call and write it as a
// plan (bridge-core/src/convert/wire.rs has the format), which Rust decodes
// and builds into Python objects. Arrays become lists, plain objects and Maps
// dicts, Sets sets; a shared child is one node and a cycle stays a cycle;
// anything else (class instances, functions, typed arrays, containers deeper
// than `depth`) is left as an object that crosses by reference.

const K = { undefined: 0, null: 1, false: 2, true: 3, number: 4, string: 5, bigint: 6, list: 7, map: 8, set: 9, object: 10 };

function isPlainObject(v) {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** A property read that names the property when it throws. */
function read(obj, key) {
  try {
    return obj[key];
  } catch (e) {
    const err = new Error(`to_py: reading property ${JSON.stringify(String(key))} threw: ${e?.message ?? e}`);
    err.name = e?.name ?? "Error";
    err.cause = e;
    throw err;
  }
}

/** A growable Float64Array. */
class Ops {
  constructor() {
    this.buf = new Float64Array(1024);
    this.len = 0;
  }
  reserve(n) {
    if (this.len + n > this.buf.length) {
      let cap = this.buf.length * 2;
      while (cap < this.len + n) cap *= 2;
      const b = new Float64Array(cap);
      b.set(this.buf.subarray(0, this.len));
      this.buf = b;
    }
    const at = this.len;
    this.len += n;
    return at;
  }
  push1(a) {
    // reserve() first: `this.buf[this.reserve(1)] = a` would evaluate
    // `this.buf` before reserve() replaced it, writing into the old buffer.
    const at = this.reserve(1);
    this.buf[at] = a;
  }
  push2(a, b) {
    const at = this.reserve(2);
    this.buf[at] = a;
    this.buf[at + 1] = b;
  }
  push3(a, b, c) {
    const at = this.reserve(3);
    this.buf[at] = a;
    this.buf[at + 1] = b;
    this.buf[at + 2] = c;
  }
  view() {
    return this.buf.subarray(0, this.len);
  }
}

/**
 * Plan `root`. Returns {ops, pool, objects}: `ops` numbers (a Float64Array),
 * `pool` UTF-16 code units, `objects` the values that cross by reference.
 */
export function planToPy(root, maxDepth) {
  const ops = new Ops();
  const pool = [];
  const objects = [];
  const ids = new Map(); // container -> node id
  const qv = []; // queued values, in node-id order
  const qd = []; // and their depths

  const text = (str) => {
    const off = pool.length;
    for (let i = 0; i < str.length; i++) pool.push(str.charCodeAt(i));
    return off;
  };
  // The id of the node for `v`, queueing it when new.
  const id = (v, depth) => {
    if ((typeof v === "object" && v !== null) || typeof v === "function") {
      const known = ids.get(v);
      if (known !== undefined) return known;
      ids.set(v, qv.length);
    }
    qv.push(v);
    qd.push(depth);
    return qv.length - 1;
  };

  id(root, 0);
  for (let q = 0; q < qv.length; q++) {
    const v = qv[q];
    const depth = qd[q];
    switch (typeof v) {
      case "undefined":
        ops.push1(K.undefined);
        continue;
      case "boolean":
        ops.push1(v ? K.true : K.false);
        continue;
      case "number":
        ops.push2(K.number, v);
        continue;
      case "string":
        ops.push3(K.string, text(v), v.length);
        continue;
      case "bigint": {
        const hex = v.toString(16);
        ops.push3(K.bigint, text(hex), hex.length);
        continue;
      }
    }
    if (v === null) {
      ops.push1(K.null);
      continue;
    }
    const deep = depth >= maxDepth;
    if (!deep && Array.isArray(v)) {
      const n = v.length;
      ops.push2(K.list, n);
      const at = ops.reserve(n);
      for (let i = 0; i < n; i++) ops.buf[at + i] = id(read(v, i), depth + 1);
    } else if (!deep && v instanceof Map) {
      const at = ops.reserve(2);
      let n = 0;
      for (const [k, x] of v) {
        const a = id(k, depth + 1);
        ops.push2(a, id(x, depth + 1));
        n++;
      }
      ops.buf[at] = K.map;
      ops.buf[at + 1] = n;
    } else if (!deep && v instanceof Set) {
      const at = ops.reserve(2);
      let n = 0;
      for (const x of v) {
        ops.push1(id(x, depth + 1));
        n++;
      }
      ops.buf[at] = K.set;
      ops.buf[at + 1] = n;
    } else if (!deep && typeof v === "object" && isPlainObject(v)) {
      const keys = Object.keys(v);
      ops.push2(K.map, keys.length);
      for (const k of keys) {
        const a = id(k, depth + 1);
        ops.push2(a, id(read(v, k), depth + 1));
      }
    } else {
      ops.push2(K.object, objects.length);
      objects.push(v);
    }
  }
  return { ops: ops.view(), pool, objects };
}

/** The hooks Rust calls (bridge-js/src/host/deep.rs). */
export function toPyHooks(runtime) {
  let pending;
  return {
    toPyPlan(root, maxDepth) {
      pending = planToPy(root, maxDepth < 0 ? Infinity : maxDepth);
      return [pending.ops.length, pending.pool.length, pending.objects.length];
    },
    toPyCopy(opsPtr, poolPtr) {
      const buf = runtime.mem.memory.buffer;
      new Float64Array(buf, opsPtr, pending.ops.length).set(pending.ops);
      new Uint16Array(buf, poolPtr, pending.pool.length).set(pending.pool);
    },
    toPyObject: (i) => pending.objects[i],
    toPyDone() {
      pending = undefined;
    },
  };
}
