// The JS half of the bridge's machinery, called from Rust (bridge-js/src/hooks.rs).
// Composite operations live here so that one Python operation is one crossing.
// Each capability has its own module: classify.js (what a value is),
// errors.js (describing a throw), memory.js (scratch area and strings),
// pyproxy/ (PyProxy), python_error.js (PythonError).

import { readBinary } from "./packages.js";
import { makeClassify } from "./classify.js";
import { Crossing } from "./crossing.js";
import { TAG, SCRATCH } from "./flags.js";
import { errorInfo } from "./errors.js";
import { bufferHooks } from "./buffers.js";
import { items } from "./items.js";
import { pyHelpers } from "./py_helpers.js";
import { toPyHooks } from "./to_py.js";
import { toJsHooks } from "./to_js.js";
import { makePyProxy } from "./pyproxy.js";
import { alive } from "./pyproxy_alive.js";
import { makePythonError } from "./python_error.js";

function isObjectLike(v) {
  return (typeof v === "object" && v !== null) || typeof v === "function";
}

function nestedCall(stack, func, thisArg, args) {
  stack.nested++;
  try {
    return Reflect.apply(func, thisArg, args);
  } finally {
    stack.nested--;
  }
}

export function makeHooks(runtime) {
  const stack = runtime.stack;
  const classify = makeClassify(runtime);
  const crossing = new Crossing(runtime, classify);
  runtime.crossing = crossing;
  const mem = runtime.mem;
  let caught;
  const threw = (e) => {
    caught = e;
    mem.f64()[SCRATCH.resultWord] = TAG.thrown;
    return undefined;
  };
  // Helpers (like py_helpers.js) that need this runtime.
  const runtimeHelpers = {
    /** micropip.install: a wheel's bytes from a URL or path (packages.js). */
    readBinary,
    /** JsDoubleProxy.unwrap(): the Python-table key of the object, or -1. */
    unwrapDouble(v) {
      const dp = runtime.doubleProxies.get(v);
      if (dp === undefined) return -1;
      if (runtime.proxies.get(dp.p)?.destroyed) throw new Error("Object has already been destroyed");
      return runtime.pythonKeyOf(dp.p);
    },
    /** JsDoubleProxy.destroy(). */
    destroyDouble(v) {
      runtime.doubleProxies.get(v)?.p.destroy();
    },
  };
  return {
    ...items,
    ...bufferHooks(runtime),
    ...toPyHooks(runtime),
    ...toJsHooks(runtime),
    classify,
    // One transition for a Python->JS call: arguments from the scratch slots,
    // the result classified into them (read before any user code runs, written
    // after it all has).
    // These three never throw: a throw is kept for takeThrown and the result
    // word says so (bridge-js/src/host/mod.rs, result_word).
    callFast(func, thisArg, n, o0, o1, o2) {
      try {
        let args;
        if (n === 0) args = [];
        else if (n === 1) args = [crossing.argIn(0, o0)];
        else if (n === 2) args = [crossing.argIn(0, o0), crossing.argIn(1, o1)];
        else args = [crossing.argIn(0, o0), crossing.argIn(1, o1), crossing.argIn(2, o2)];
        const r = nestedCall(stack, func, thisArg, args);
        const word = classify(r, SCRATCH.result, 0);
        mem.f64()[SCRATCH.resultWord] = word;
        return r;
      } catch (e) {
        return threw(e);
      }
    },
    getAttr(obj, name) {
      try {
        const v = obj[name];
        if (v === undefined && !(isObjectLike(obj) && name in obj)) {
          mem.f64()[SCRATCH.resultWord] = TAG.absent;
          return undefined;
        }
        const word = classify(v, SCRATCH.result, 0);
        mem.f64()[SCRATCH.resultWord] = word;
        return v;
      } catch (e) {
        return threw(e);
      }
    },
    setAttr(obj, name, o0) {
      try {
        obj[name] = crossing.argIn(0, o0); // strict: a read-only property throws
        mem.f64()[SCRATCH.resultWord] = TAG.undefined;
      } catch (e) {
        threw(e);
      }
    },
    getIndexFast(obj, i) {
      try {
        const n = obj.length;
        const j = i < 0 ? i + n : i;
        if (!(j >= 0 && j < n)) {
          mem.f64()[SCRATCH.resultWord] = TAG.absent;
          return undefined;
        }
        const v = obj[j];
        const word = classify(v, SCRATCH.result, 0);
        mem.f64()[SCRATCH.resultWord] = word;
        return v;
      } catch (e) {
        return threw(e);
      }
    },
    iterNextFast(it) {
      try {
        const r = it.next();
        if (r === null || typeof r !== "object") throw new TypeError(`iterator.next() returned a non-object: ${String(r)}`);
        const done = Boolean(r.done);
        const v = r.value;
        const word = classify(v, SCRATCH.result, 0);
        const f = mem.f64();
        f[SCRATCH.done] = done ? 1 : 0;
        f[SCRATCH.resultWord] = word;
        return v;
      } catch (e) {
        return threw(e);
      }
    },
    takeThrown() {
      const e = caught;
      caught = undefined;
      return e;
    },
    setScratch: (f64Addr, bytesAddr, cap) => runtime.mem.setScratch(f64Addr, bytesAddr, cap),
    copyUtf16: (s, ptr, len) => runtime.mem.copyUtf16(s, ptr, len),
    copyUtf8: (s, ptr, cap) => runtime.mem.copyUtf8(s, ptr, cap),
    utf16ToString: (ptr, len) => runtime.mem.utf16ToString(ptr, len),
    utf8ToString: (ptr, len) => runtime.mem.utf8(ptr, len),
    makePyProxy: (key, flags) => makePyProxy(runtime, key, flags),
    makePythonError: (type, message, key) => makePythonError(runtime, type, message, key),
    errorInfo: (thrown) => errorInfo(runtime, thrown),
    /** The error a use of the destroyed PyProxy `v` raises (naming its type); never throws. */
    destroyedMessage(v) {
      try {
        const s = runtime.proxies.get(v);
        if (s?.destroyed) alive(s);
        return "Object has already been destroyed";
      } catch (e) {
        return String(e?.message ?? "Object has already been destroyed");
      }
    },
    noop: (x) => x,
    defineKwarg(obj, key, value) {
      Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
    },
    getGlobal: (name) => globalThis[name],
    hasGlobal: (name) => name in globalThis,
    getProp: (obj, name) => obj[name],
    hasProp: (obj, name) => isObjectLike(obj) && name in obj,
    setProp(obj, name, value) {
      obj[name] = value; // module code is strict: a read-only property throws
    },
    deleteProp(obj, name) {
      let present;
      try {
        present = name in obj;
      } catch {
        return delete obj[name]; // e.g. a revoked Proxy: report the delete's own error
      }
      if (!present) return false;
      return delete obj[name]; // strict: a non-configurable property throws
    },
    // Calls count as nested for stack.js while they run.
    call: (func, thisArg, args) => nestedCall(stack, func, thisArg, args),
    call0: (func, thisArg) => nestedCall(stack, func, thisArg, []),
    call1: (func, thisArg, a) => nestedCall(stack, func, thisArg, [a]),
    call2: (func, thisArg, a, b) => nestedCall(stack, func, thisArg, [a, b]),
    call3: (func, thisArg, a, b, c) => nestedCall(stack, func, thisArg, [a, b, c]),
    construct(ctor, args) {
      stack.nested++;
      try {
        return Reflect.construct(ctor, args);
      } finally {
        stack.nested--;
      }
    },
    toStr: (obj) => String(obj),
    helper: (name) => runtimeHelpers[name] ?? pyHelpers[name],
    // create_proxy: the JS value to hold (the PyProxy `p`, or with
    // `captureThis` a function passing `this` first), classified into the
    // result slots as a JS object whatever `roundtrip` says.
    doubleProxy(p, roundtrip, captureThis) {
      const v = captureThis
        ? function (...args) {
            return p(this, ...args);
          }
        : p;
      const rec = { p, roundtrip: true };
      runtime.doubleProxies.set(v, rec);
      mem.f64()[SCRATCH.resultWord] = classify(v, SCRATCH.result, 0);
      rec.roundtrip = roundtrip;
      return v;
    },
    interruptSignal() {
      const b = runtime.interruptBuffer;
      if (b === undefined) return 0;
      const signum = b[0];
      if (signum === 0) return 0;
      b[0] = 0;
      return Number(signum) | 0;
    },
    truthy(obj) {
      if (!obj) return false;
      try {
        if (Array.isArray(obj)) return obj.length !== 0;
        if (ArrayBuffer.isView(obj)) return obj.byteLength !== 0;
        if (obj instanceof ArrayBuffer) return obj.byteLength !== 0;
        if (obj instanceof Map || obj instanceof Set) return obj.size !== 0;
      } catch {
        return false; // a revoked Proxy is falsy, as in Pyodide
      }
      return true;
    },
  };
}
