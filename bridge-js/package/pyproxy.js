// PyProxy: a Python object seen from JavaScript, as an ES Proxy.
//
// Each PyProxy owns one reference to an entry of its runtime's Python-object
// table. It is released by `destroy()` or, failing that, by a
// FinalizationRegistry when the proxy is garbage-collected, never behind the
// user's back while the proxy is still reachable.
//
// Property lookup order: the PyProxy's own members (`type`, `toString`,
// `repr`, `destroy`), then Python attributes. A Python attribute whose name
// collides with a member is reached with a `$` prefix: `proxy.$type` is the
// Python attribute `type` (Pyodide's escape). A `$` name always means Python.

import { PY_FLAGS } from "./flags.js";
import { membersFor, invoke } from "./pyproxy_members.js";
import { alive } from "./pyproxy_alive.js";

/** Every PyProxy of every runtime, for `instanceof` only (it maps nothing to keys). */
const allProxies = new WeakSet();

export class PyProxy {
  static [Symbol.hasInstance](obj) {
    return allProxies.has(obj);
  }
}

/** The PY_FLAGS of a PyProxy (of any runtime), or undefined for anything else. */
export function pyProxyFlags(obj) {
  return allProxies.has(obj) ? obj[STATE_OF].flags : undefined;
}

/**
 * Members every PyProxy has; then those its Python type's capabilities give
 * (pyproxy_members.js); everything else is a Python attribute.
 */
const members = {
  type: (s) => alive(s).runtime.glue.py_type(s.key),
  toString: (s) => () => alive(s).runtime.glue.py_str(s.key),
  repr: (s) => () => alive(s).runtime.glue.py_repr(s.key),
  destroy: (s) => (options) => destroy(s, options),
  copy: (s) => () => copy(alive(s)),
  toJs: (s) => (options) => toJs(alive(s), options),
};

const TO_JS_OPTIONS = new Set(["depth", "pyproxies", "create_pyproxies", "dict_converter", "default_converter", "eager_converter"]);

/** `proxy.toJs({depth, pyproxies, create_pyproxies, dict_converter, default_converter})`: Python's `to_js`. */
function toJs(s, options = {}) {
  if (options === null || typeof options !== "object") {
    throw new TypeError(`toJs: options must be an object, got ${options === null ? "null" : typeof options}`);
  }
  for (const k of Object.keys(options)) {
    if (!TO_JS_OPTIONS.has(k)) throw new TypeError(`toJs: unknown option ${JSON.stringify(k)} (expected one of ${[...TO_JS_OPTIONS].join(", ")})`);
  }
  const { depth = -1, pyproxies, create_pyproxies = true, dict_converter, default_converter, eager_converter } = options;
  if (!Number.isInteger(depth)) throw new TypeError(`toJs: depth must be an integer, got ${String(depth)}`);
  return s.runtime.helper("proxy_to_js")(subject(s), depth, pyproxies, Boolean(create_pyproxies), dict_converter, default_converter, eager_converter);
}

/** Symbol-keyed members every PyProxy has. */
const symbolMembers = {
  [Symbol.dispose]: (s) => () => destroy(s),
};

/** A member of this proxy (`undefined` if none): its own, then its capabilities'. */
function memberOf(s, prop) {
  const own = typeof prop === "symbol" ? symbolMembers[prop] : Object.hasOwn(members, prop) ? members[prop] : undefined;
  if (own !== undefined) return own;
  const cap = membersFor(s.flags)[prop];
  if (cap === undefined) return undefined;
  alive(s);
  return cap;
}

/** Another PyProxy of the same Python object, with its own reference. */
function copy(s) {
  return makePyProxy(s.runtime, s.runtime.glue.py_copy(s.key), s.flags);
}

/**
 * What stands for this proxy's Python object when a `_bridge` helper is
 * called with it: the proxy itself, unless it is a double proxy (what
 * create_proxy() made, or what toJs() gives for an object with no JS form),
 * which crosses into Python as a JsDoubleProxy; then a plain proxy of the
 * same table entry, made once and destroyed with this one.
 */
export function subject(s) {
  alive(s);
  const dp = s.runtime.doubleProxies.get(s.proxy);
  if (dp === undefined || !dp.roundtrip) return s.proxy;
  s.twin ??= copy(s);
  return s.twin;
}

/** The Python attribute name a JS property name stands for. */
function pythonName(prop) {
  return prop.length > 1 && prop.charCodeAt(0) === 36 /* $ */ ? prop.slice(1) : prop;
}

function destroy(s, options) {
  s = s.root ?? s; // a bind()/captureThis() proxy shares its original's life
  if (s.destroyed) return;
  if (options !== undefined && (options === null || typeof options !== "object")) {
    throw new TypeError(`destroy: options must be an object such as {message}, got ${options === null ? "null" : typeof options}`);
  }
  if (options?.message !== undefined) s.destroyedMessage = String(options.message);
  // Where it was destroyed, for the error a later use raises: a stack
  // capture costs microseconds, so only with loadPython({traceDestroy: true}).
  if (s.runtime.traceDestroy) s.destroyedBy = new Error();
  s.destroyed = true;
  s.twin?.destroy();
  s.runtime.finalizer.unregister(s);
  // Releases this proxy's own reference (docs/lifetimes.md, T4/T5); other
  // holders of the same Python object are unaffected.
  s.typeName = s.runtime.glue.py_destroy(s.key);
}

const inspect = Symbol.for("nodejs.util.inspect.custom");
const INDEX = /^(0|[1-9][0-9]*)$/;

function describe(s) {
  if (s.destroyed) return `[PyProxy of a destroyed ${s.typeName ?? "object"}]`;
  try {
    return `[PyProxy ${s.runtime.glue.py_repr(s.key)}]`;
  } catch (e) {
    return `[PyProxy: repr failed: ${e.message?.split("\n").at(-1) ?? e}]`;
  }
}

function handlerFor(runtime) {
  return {
    get(target, prop) {
      const s = target[STATE];
      if (typeof prop === "symbol") {
        if (prop === STATE_OF) return s;
        if (prop === Symbol.toPrimitive) return () => alive(s).runtime.glue.py_str(s.key);
        if (prop === inspect) return () => describe(s);
        if (prop === Symbol.toStringTag) return "PyProxy";
        const member = memberOf(s, prop);
        return member === undefined ? undefined : member(s);
      }
      const member = memberOf(s, prop);
      if (member) return member(s);
      alive(s);
      // As in Pyodide: `d.k` reads a dict's item, `l[0]` a sequence's.
      if (s.flags & PY_FLAGS.dict) {
        const v = runtime.pyGetItem(s.key, prop);
        if (v !== undefined) return v;
      } else if (s.flags & PY_FLAGS.sequence && INDEX.test(prop)) {
        return runtime.pyGetItem(s.key, Number(prop));
      }
      // An attribute that is the same Python object as last time is the same
      // proxy (`a.child === a.child`, as in Pyodide; makePyProxy checks).
      runtime.readingAttrOf = s;
      runtime.readingAttrName = prop;
      try {
        return runtime.pyGet(s.key, pythonName(prop));
      } finally {
        runtime.readingAttrOf = undefined;
      }
    },
    set(target, prop, value) {
      const s = alive(target[STATE]);
      if (typeof prop === "symbol") throw new TypeError("PyProxy: symbol-keyed properties cannot be set on a Python object");
      runtime.pySet(s.key, pythonName(prop), value);
      return true;
    },
    has(target, prop) {
      const s = alive(target[STATE]);
      if (memberOf(s, prop) !== undefined) return true;
      if (typeof prop === "symbol") return false;
      // `"k" in d` is `k in d` for a dict, as in Pyodide; else hasattr.
      if (s.flags & PY_FLAGS.dict && s.runtime.helper("proxy_dict_has")(subject(s), prop)) return true;
      return s.runtime.glue.py_has(s.key, pythonName(prop));
    },
    // `Object.keys`, `for…in`, `Reflect.ownKeys`: the names `dir()` lists
    // (each configurable, so no Proxy invariant is at stake), plus whatever
    // the target itself has (an arrow function's `length` and `name`).
    // `Reflect.ownKeys`: the names dir() lists, without dunders; for a dict
    // also its str and int keys. Attributes are not enumerable (Object.keys
    // of an instance is [], as in Pyodide); a dict's keys are. Each is
    // configurable, so no Proxy invariant is at stake.
    ownKeys(target) {
      const s = alive(target[STATE]);
      const names = s.runtime.helper("proxy_dir")(subject(s));
      const keys = names === "" ? [] : names.split("\0");
      for (const k of Reflect.ownKeys(target)) if (k !== STATE && !keys.includes(k)) keys.push(k);
      return keys;
    },
    getOwnPropertyDescriptor(target, prop) {
      if (prop === STATE) return undefined; // configurable: hiding it keeps the invariants
      const own = Reflect.getOwnPropertyDescriptor(target, prop);
      if (own !== undefined) return own;
      const s = alive(target[STATE]);
      if (typeof prop === "symbol") return undefined;
      if (s.flags & PY_FLAGS.dict && s.runtime.helper("proxy_dict_has")(subject(s), prop)) {
        return { value: s.runtime.helper("proxy_dict_item")(subject(s), prop), writable: true, enumerable: true, configurable: true };
      }
      if (!s.runtime.glue.py_has(s.key, pythonName(prop))) return undefined;
      return { value: runtime.pyGet(s.key, pythonName(prop)), writable: true, enumerable: false, configurable: true };
    },
    deleteProperty(target, prop) {
      const s = alive(target[STATE]);
      if (typeof prop === "symbol") return true;
      // delattr: a missing attribute is PythonError(AttributeError), as in Pyodide.
      s.runtime.helper("proxy_delattr")(subject(s), pythonName(prop));
      return true;
    },
    apply(target, thisArg, args) {
      const s = alive(target[STATE]);
      if (s.bound !== undefined) return invoke(s, thisArg, args);
      runtime.stack.check();
      return runtime.pyCall(s.key, args);
    },
    getPrototypeOf() {
      return PyProxy.prototype;
    },
    // The target is never changed through the proxy: a non-extensible
    // target would break the traps above (ownKeys must then list the hidden
    // state, getPrototypeOf return the target's prototype), so freezing,
    // sealing, defining and re-prototyping are refused before anything moves.
    preventExtensions() {
      throw new TypeError("A PyProxy cannot be frozen, sealed or made non-extensible: its attributes are the Python object's");
    },
    defineProperty(target, prop) {
      throw new TypeError(`Object.defineProperty on a PyProxy: assign the attribute instead (proxy[${JSON.stringify(String(prop))}] = value)`);
    },
    setPrototypeOf() {
      throw new TypeError("The prototype of a PyProxy cannot be changed");
    },
  };
}

/**
 * `f.bind(thisArg, ...args)` / `f.captureThis()`: a new callable proxy of the
 * same object with `this` and leading arguments fixed. It shares the
 * original's table reference and life (destroying either destroys both, as
 * in Pyodide); `copy()` makes an independent one.
 */
function bindProxy(s, how) {
  const root = s.root ?? s;
  const prev = s.bound ?? { args: [], captureThis: false, hasThis: false, thisArg: undefined };
  const bound = { ...prev, args: [...prev.args, ...(how.args ?? [])] };
  if (how.captureThis) bound.captureThis = true;
  if ("thisArg" in how && !prev.hasThis) {
    bound.thisArg = how.thisArg;
    bound.hasThis = true;
  }
  const target = () => {};
  const bs = Object.create(root);
  bs.root = root;
  bs.bound = bound;
  target[STATE] = bs;
  target[inspect] = () => describe(root);
  const proxy = new Proxy(target, root.runtime.proxyHandler);
  bs.proxy = proxy;
  root.runtime.proxies.set(proxy, bs);
  allProxies.add(proxy);
  return proxy;
}

/** The proxy state on its target (a symbol-keyed own property: faster than a map). */
const STATE = Symbol("pybridge.state");
/** A proxy's state, read through the proxy's get trap. */
const STATE_OF = Symbol("pybridge.stateOf");

/** Object targets share a prototype that answers Node's util.inspect (which reads the target without running traps). */
const TARGET_PROTO = {
  [inspect]() {
    // `this` is the target (Node reads it without traps) or the proxy itself.
    return describe(this[STATE] ?? this[STATE_OF]);
  },
};

/** A PyProxy owning the table entry `key`; `flags` are the object's PY_FLAGS. */
export function makePyProxy(runtime, key, flags) {
  const parent = runtime.readingAttrOf;
  if (parent !== undefined) {
    runtime.readingAttrOf = undefined; // only the attribute's own value, not what converting it makes
    // One cached proxy per attribute *name*, so the cache is bounded by the
    // names read: an attribute that is a new object each time (a bound
    // method, a property computing a list) replaces the entry, and the old
    // proxy is left to its user and the FinalizationRegistry. (Keyed by the
    // object, the cache kept every bound method of `o.m(x)` alive while `o`
    // lived: the soak found it.)
    const name = runtime.readingAttrName;
    const cached = parent.attrs?.get(name);
    if (cached !== undefined) {
      const cs = cached[STATE_OF];
      if (cs.key === key && !cs.destroyed) {
        runtime.glue.py_release(key); // the cached proxy owns a reference already
        return cached;
      }
    }
    const proxy = makePyProxy(runtime, key, flags);
    (parent.attrs ??= new Map()).set(name, proxy);
    return proxy;
  }
  // An arrow function has no non-configurable own properties, so the traps
  // above never break a Proxy invariant; a plain object is used otherwise so
  // `typeof` tells callables apart.
  let target;
  if (flags & PY_FLAGS.call) {
    target = () => {};
    target[inspect] = () => describe(s);
  } else {
    target = Object.create(TARGET_PROTO);
  }
  runtime.proxyHandler ??= handlerFor(runtime);
  runtime.bindProxy ??= bindProxy;
  const proxy = new Proxy(target, runtime.proxyHandler);
  const s = { key, flags, runtime, destroyed: false, proxy };
  target[STATE] = s;
  runtime.proxies.set(proxy, s);
  allProxies.add(proxy);
  runtime.finalizer.register(proxy, key, s);
  return proxy;
}

/** The table key behind a PyProxy of `runtime`, or -1 (also for another
 * runtime's proxies, which cross as ordinary JS objects). A destroyed proxy
 * still answers its key, so the bridge reports "destroyed" rather than
 * treating it as a JS object. */
export function pyKeyOf(runtime, value) {
  const s = runtime.proxies.get(value);
  return s === undefined ? -1 : s.key;
}
