// The JS members a PyProxy has, chosen by what its Python object can do (its
// PY_FLAGS, computed once per object by bridge-py's ffi::py_flags), as
// Pyodide's pyproxy.ts does: `length`, `get`/`set`/`has`/`delete`,
// `[Symbol.iterator]`, generator `next`/`return`/`throw`, async iteration,
// `then`/`catch`/`finally` on awaitables, `callKwargs` on callables.
//
// Each member is `(s) => value`, run when the property is read (`s` is the
// proxy's state: {key, flags, runtime, proxy}). The Python side of most is one
// call of a `_bridge` helper (bridge-py/src/python/_bridge.py, `proxy_*`);
// iteration steps go through the `py_next_fast` export (one crossing each).

import { PY_FLAGS as F, SCRATCH } from "./flags.js";
import { PyBufferView } from "./pybuffer.js";

/** Member tables by capability, in lookup order. */
const CAPABILITIES = [
  [F.len, { length: (s) => s.runtime.helper("proxy_len")(s.proxy) }],
  [
    F.getitem,
    {
      get: (s) => (key) => s.runtime.pyGetItem(s.key, key),
      has: (s) => (key) => s.runtime.helper("proxy_has")(s.proxy, key),
    },
  ],
  [
    F.setitem,
    {
      set: (s) => (key, value) => {
        s.runtime.helper("proxy_set")(s.proxy, key, value);
      },
      delete: (s) => (key) => {
        s.runtime.helper("proxy_delete")(s.proxy, key);
      },
    },
  ],
  [F.contains, { has: (s) => (key) => s.runtime.helper("proxy_has")(s.proxy, key) }],
  [F.iter, { [Symbol.iterator]: (s) => () => iterate(s.runtime, s.runtime.helper("proxy_iter")(s.proxy)) }],
  [
    F.next,
    {
      next: (s) =>
        function next(...value) {
          return step(s.runtime, s.key, value);
        },
      [Symbol.iterator]: (s) =>
        function () {
          return this;
        },
    },
  ],
  [
    F.generator,
    {
      return: (s) => (value) => pair(s.runtime.helper("proxy_gen_return")(s.proxy, value)),
      throw: (s) => (err) => pair(s.runtime.helper("proxy_gen_throw")(s.proxy, err)),
    },
  ],
  [
    F.asyncIter,
    {
      [Symbol.asyncIterator]: (s) => () => asyncIterate(s.runtime, s.runtime.helper("proxy_aiter")(s.proxy)),
    },
  ],
  [
    F.asyncNext,
    {
      next: (s) => (...value) => asyncStep(s.runtime, s.proxy, "next", value),
      return: (s) => (...value) => asyncStep(s.runtime, s.proxy, "return", value),
      throw: (s) => (...err) => asyncStep(s.runtime, s.proxy, "throw", err),
    },
  ],
  [
    F.await,
    {
      then: (s) => (onFulfilled, onRejected) => awaited(s).then(onFulfilled, onRejected),
      catch: (s) => (onRejected) => awaited(s).catch(onRejected),
      finally: (s) => (onFinally) => awaited(s).finally(onFinally),
    },
  ],
  [
    F.buffer,
    {
      getBuffer: (s) => (type) => new PyBufferView(s.runtime, s.runtime.glue.py_get_buffer(s.key), type),
    },
  ],
  [
    F.call,
    {
      callKwargs: (s) =>
        (...args) => {
          const kwargs = args.pop();
          if (kwargs === null || typeof kwargs !== "object" || Array.isArray(kwargs)) {
            throw new TypeError("callKwargs: the last argument must be an object of keyword arguments");
          }
          return s.runtime.helper("proxy_call_kwargs")(s.proxy, args, kwargs);
        },
    },
  ],
];

const cache = new Map(); // flags -> merged member table

/** The members a PyProxy with `flags` has (beyond every proxy's own). */
export function membersFor(flags) {
  let table = cache.get(flags);
  if (table === undefined) {
    table = Object.create(null);
    for (const [bit, members] of CAPABILITIES) {
      if (flags & bit) {
        for (const k of Reflect.ownKeys(members)) if (!(k in table)) table[k] = members[k];
      }
    }
    cache.set(flags, table);
  }
  return table;
}

/** `[done, value]` from a Python helper (a JS array) as an iterator result. */
function pair(a) {
  return { done: Boolean(a[0]), value: a[1] };
}

/** One `next()` of the Python iterator at `key` (one crossing). */
function step(runtime, key, value) {
  const v = runtime.pyNext(key, value);
  return { done: runtime.mem.f64()[SCRATCH.done] !== 0, value: v };
}

/** `for…of` over a Python iterator proxy `it`; the iterator proxy is destroyed when the loop ends. */
function* iterate(runtime, it) {
  const s = runtime.proxies.get(it);
  try {
    for (;;) {
      const v = runtime.pyNext(s.key, []);
      if (runtime.mem.f64()[SCRATCH.done] !== 0) return v;
      yield v;
    }
  } finally {
    it.destroy();
  }
}

async function asyncStep(runtime, proxy, method, args) {
  const run = runtime.helper("proxy_anext")(proxy, method, ...args);
  return pair(await runtime.drive(run));
}

async function* asyncIterate(runtime, it) {
  try {
    for (;;) {
      const r = await asyncStep(runtime, it, "next", []);
      if (r.done) return r.value;
      yield r.value;
    }
  } finally {
    it.destroy();
  }
}

/** The promise of awaiting this Python awaitable, made once per proxy. */
function awaited(s) {
  s.promise ??= s.runtime.drive(s.runtime.helper("proxy_await")(s.proxy));
  return s.promise;
}
