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
import { alive } from "./pyproxy_alive.js";
import { subject } from "./pyproxy.js";

/** Member tables by capability, in lookup order (the first table naming a member wins). */
const CAPABILITIES = [
  [F.len, { length: (s) => s.runtime.helper("proxy_len")(subject(s)) }],
  [
    F.getitem,
    {
      get: (s) => (key) => s.runtime.pyGetItem(alive(s).key, key),
      // A type with __getitem__ is iterable (the old sequence protocol), as in Pyodide.
      [Symbol.iterator]: (s) => () => iterate(s.runtime, s.runtime.helper("proxy_iter")(subject(s))),
    },
  ],
  [
    F.setitem,
    {
      set: (s) => (key, value) => {
        s.runtime.helper("proxy_set")(subject(s), key, value);
      },
      delete: (s) => (key) => {
        s.runtime.helper("proxy_delete")(subject(s), key);
      },
    },
  ],
  [F.contains, { has: (s) => (key) => s.runtime.helper("proxy_has")(subject(s), key) }],
  [
    F.next,
    {
      next: (s) =>
        function next(...value) {
          return step(s.runtime, alive(s).key, value);
        },
      // An iterator is its own iterator.
      [Symbol.iterator]: (s) => () => alive(s).proxy,
    },
  ],
  [F.iter, { [Symbol.iterator]: (s) => () => iterate(s.runtime, s.runtime.helper("proxy_iter")(subject(s))) }],
  [
    F.generator,
    {
      return: (s) => (value) => pair(s.runtime.helper("proxy_gen_return")(subject(s), value)),
      throw: (s) => (err) => pair(s.runtime.helper("proxy_gen_throw")(subject(s), err)),
    },
  ],
  [
    F.asyncIter,
    {
      [Symbol.asyncIterator]: (s) => () => (alive(s).flags & F.asyncNext ? s.proxy : asyncIterate(s.runtime, s.runtime.helper("proxy_aiter")(subject(s)))),
    },
  ],
  [F.asyncNext, { next: (s) => async (...value) => asyncStep(s.runtime, subject(s), "next", value) }],
  [
    F.asyncGenerator,
    {
      return: (s) => async (...value) => asyncStep(s.runtime, subject(s), "return", value),
      throw: (s) => async (...err) => asyncStep(s.runtime, subject(s), "throw", err),
    },
  ],
  [
    F.await,
    {
      then: (s) => (onFulfilled, onRejected) => awaited(alive(s)).then(onFulfilled, onRejected),
      catch: (s) => (onRejected) => awaited(alive(s)).catch(onRejected),
      finally: (s) => (onFinally) => awaited(alive(s)).finally(onFinally),
    },
  ],
  [F.buffer, { getBuffer: (s) => (type) => new PyBufferView(s.runtime, s.runtime.glue.py_get_buffer(alive(s).key), type) }],
  [
    F.call,
    {
      callKwargs: (s) => (...args) => callWith(s, { kwargs: true }, args, "callKwargs"),
      callRelaxed: (s) => (...args) => callWith(s, { relaxed: true }, args),
      callKwargsRelaxed: (s) => (...args) => callWith(s, { kwargs: true, relaxed: true }, args, "callKwargsRelaxed"),
      callWithOptions: (s) => (options, ...args) => callWith(s, options ?? {}, args, "callWithOptions with 'kwargs: true'"),
      // As on a JS function; `this` is dropped unless captureThis() asked for it.
      call: (s) => (thisArg, ...args) => invoke(s, thisArg, args),
      apply: (s) => (thisArg, args) => invoke(s, thisArg, args == null ? [] : Array.from(args)),
      bind: (s) => (thisArg, ...args) => s.runtime.bindProxy(alive(s), { thisArg, args }),
      captureThis: (s) => () => s.runtime.bindProxy(alive(s), { captureThis: true }),
    },
  ],
];

/** A call through a callable proxy, with its bound arguments and `this`. */
export function invoke(s, thisArg, args) {
  const b = alive(s).bound;
  let all = b ? [...b.args, ...args] : args;
  if (b?.captureThis) all = [b.hasThis ? b.thisArg : thisArg, ...all];
  if (s.runtime.stack) s.runtime.stack.check();
  return s.runtime.pyCall(s.key, all);
}

/** callKwargs / callRelaxed / callWithOptions({kwargs, relaxed}). */
function callWith(s, options, args, what) {
  alive(s);
  if (options === null || typeof options !== "object") throw new TypeError("callWithOptions: the options must be an object {kwargs, relaxed}");
  let kwargs;
  if (options.kwargs) {
    if (args.length === 0) throw new TypeError(`${what} requires at least one argument (the key word argument object)`);
    kwargs = args.pop();
    if (kwargs === null || typeof kwargs !== "object" || Array.isArray(kwargs) || kwargs instanceof Map) {
      throw new TypeError("kwargs argument is not an object");
    }
  }
  const b = s.bound;
  let all = b ? [...b.args, ...args] : args;
  if (b?.captureThis && b.hasThis) all = [b.thisArg, ...all];
  return s.runtime.helper("proxy_call_with")(subject(s), all, kwargs, Boolean(options.relaxed));
}

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
  if (!runtime.proxies.has(proxy)) throw new TypeError("not a PyProxy");
  return pair(await runtime.helper("proxy_anext")(proxy, method, ...args));
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
  s.promise ??= s.runtime.helper("proxy_await")(subject(s)); // a Promise: the awaitable runs on the asyncio loop
  return s.promise;
}
