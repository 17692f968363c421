// Small JS functions Python-side features call as ordinary JS functions
// (bridge-py's `host::helper(name)`): what would otherwise be one host-trait
// method per feature. Each may run user code (getters, Proxy traps); a throw
// reaches Python as JsException like any JS call's.

const INDEX = /^(0|[1-9][0-9]*)$/;

export const pyHelpers = {
  /** create_once_callable: a function calling the PyProxy `p` once, then destroying it. */
  onceCallable(p) {
    let called = false;
    const f = function (...args) {
      if (called) throw new Error("OnceProxy can only be called once");
      called = true;
      try {
        return p(...args);
      } finally {
        p.destroy();
      }
    };
    f.destroy = () => {
      if (!called) {
        called = true;
        p.destroy();
      }
    };
    return f;
  },
  /** destroy_proxies(arr): destroy every PyProxy in the JS array. */
  destroyProxies(arr) {
    for (const proxy of Array.from(arr)) proxy.destroy(); // a non-proxy: "proxy.destroy is not a function", as in Pyodide
  },
  newArray: () => [],
  /**
   * `gen.throw(e)` where `e` is the PythonError of the exception `raise_()`
   * raises (so JS sees an Error, and rethrown to Python it is the original
   * exception again).
   */
  throwInto(gen, method, raise_) {
    let err;
    try {
      raise_();
    } catch (e) {
      err = e;
    }
    return gen[method](err);
  },
  /** `obj[Symbol.asyncIterator]()`, for `async for`. */
  asyncIter(obj) {
    const f = obj[Symbol.asyncIterator];
    if (typeof f !== "function") throw new TypeError("object is not async iterable");
    return f.call(obj);
  },
  /** `dir()`: property names along the prototype chain, array indices excluded. */
  dir(obj) {
    const out = new Set();
    for (let o = Object(obj); o !== null; o = Object.getPrototypeOf(o)) {
      for (const k of Object.getOwnPropertyNames(o)) {
        if (!INDEX.test(k)) out.add(k);
      }
    }
    return Array.from(out);
  },
  /** The keys of an object seen as a mapping: own enumerable string keys, or with `hereditary` inherited ones too. */
  objectKeys(obj, hereditary) {
    if (!hereditary) return Object.keys(obj);
    const out = [];
    for (const k in obj) out.push(k);
    return out;
  },
  /** `[found, value]` of key `k` of an object seen as a mapping. */
  objectGet(obj, k, hereditary) {
    const found = hereditary ? k in obj : Object.prototype.hasOwnProperty.call(obj, k);
    return found ? [true, obj[k]] : [false, undefined];
  },
  objectSet(obj, k, v) {
    obj[k] = v; // strict: a frozen object throws
  },
  /** `false` when there was no such own key. */
  objectDelete(obj, k) {
    if (!Object.prototype.hasOwnProperty.call(obj, k)) return false;
    return delete obj[k]; // strict: a non-configurable property throws
  },
};
