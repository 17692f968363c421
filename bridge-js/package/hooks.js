// The JS half of the bridge's machinery, called from Rust (bridge-js/src/hooks.rs).
// Composite operations live here so that one Python operation is one crossing.

import { makePyProxy, pyKeyOf } from "./pyproxy.js";
import { makePythonError, exceptionKeyOf } from "./python_error.js";

/**
 * What a JS value is, in one call from Rust (bridge-js/src/convert.rs has the
 * same numbers as TAG_*). A PyProxy, or a PythonError holding a Python
 * exception, is "python": it goes back to Python as the original object.
 */
export const TAG = Object.freeze({
  undefined: 0,
  number: 1,
  string: 2,
  false: 3,
  true: 4,
  bigint: 5,
  function: 6,
  null: 7,
  object: 8,
  python: 9,
});

function typeTag(v) {
  switch (typeof v) {
    case "number":
      return TAG.number;
    case "string":
      return TAG.string;
    case "undefined":
      return TAG.undefined;
    case "boolean":
      return v ? TAG.true : TAG.false;
    case "bigint":
      return TAG.bigint;
    case "function":
      return pyKeyOf(v) >= 0 ? TAG.python : TAG.function;
    default:
      if (v === null) return TAG.null;
      if (pyKeyOf(v) >= 0 || exceptionKeyOf(v) !== undefined) return TAG.python;
      return TAG.object; // objects and symbols: held by reference
  }
}

function isObjectLike(v) {
  return (typeof v === "object" && v !== null) || typeof v === "function";
}

export function makeHooks(runtime) {
  return {
    makePyProxy: (key, callable) => makePyProxy(runtime, key, callable),
    typeTag,
    pyKeyOf(value) {
      const k = pyKeyOf(value);
      if (k >= 0) return k;
      const e = exceptionKeyOf(value);
      return e === undefined ? -1 : e;
    },
    makePythonError: (type, message, key) => makePythonError(runtime, type, message, key),
    errorInfo(thrown) {
      // A PythonError going back into Python is re-raised as its original
      // exception: its (lazily formatted) message is not needed.
      if (exceptionKeyOf(thrown) !== undefined) return ["PythonError", ""];
      if (thrown instanceof Error) return [String(thrown.name), String(thrown.message)];
      let text;
      try {
        text = String(thrown);
      } catch {
        text = Object.prototype.toString.call(thrown);
      }
      return ["Error", `a non-Error value was thrown: ${text}`];
    },
    getGlobal: (name) => globalThis[name],
    hasGlobal: (name) => name in globalThis,
    getProp: (obj, name) => obj[name],
    hasProp: (obj, name) => isObjectLike(obj) && name in obj,
    setProp(obj, name, value) {
      obj[name] = value; // module code is strict: a read-only property throws
    },
    deleteProp(obj, name) {
      if (!(name in obj)) return false;
      return delete obj[name]; // strict: a non-configurable property throws
    },
    call: (func, thisArg, args) => Reflect.apply(func, thisArg, args),
    call0: (func, thisArg) => Reflect.apply(func, thisArg, []),
    call1: (func, thisArg, a) => Reflect.apply(func, thisArg, [a]),
    call2: (func, thisArg, a, b) => Reflect.apply(func, thisArg, [a, b]),
    call3: (func, thisArg, a, b, c) => Reflect.apply(func, thisArg, [a, b, c]),
    construct: (ctor, args) => Reflect.construct(ctor, args),
    toStr: (obj) => String(obj),
    truthy(obj) {
      if (!obj) return false;
      if (Array.isArray(obj)) return obj.length !== 0;
      if (ArrayBuffer.isView(obj)) return obj.byteLength !== 0;
      if (obj instanceof Map || obj instanceof Set) return obj.size !== 0;
      return true;
    },
  };
}
