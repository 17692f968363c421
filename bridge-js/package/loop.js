// The JS half of the bridge's asyncio event loop (bridge-py/src/python/
// _bridge_loop.py): when Python's ready callbacks run (a microtask, or every
// so often a macrotask so that a busy coroutine cannot starve the page), its
// timers (setTimeout), and JS promises settling asyncio Futures and Futures
// settling JS promises. Python calls in through `hooks` below; JS calls
// Python through two functions only, `drain` and `settle`.

import { makePythonError } from "./python_error.js";

/** A macrotask: setImmediate in Node, a MessageChannel message in browsers (neither clamps like setTimeout). */
function makeMacrotask() {
  if (typeof setImmediate === "function") return (f) => setImmediate(f);
  if (typeof MessageChannel === "function") {
    const ch = new MessageChannel();
    const queue = [];
    ch.port1.onmessage = () => queue.shift()?.();
    return (f) => {
      queue.push(f);
      ch.port2.postMessage(0);
    };
  }
  return (f) => setTimeout(f, 0);
}

export function installLoop(runtime, module) {
  const drain = module.loop_drain;
  const settle = module.loop_settle;
  const macrotask = makeMacrotask();
  const report = (e) => {
    // The loop reports its callbacks' errors itself; this is a bridge failure.
    console.error("pybridge: the asyncio loop failed to run:", e);
  };
  const runDrain = () => {
    try {
      drain(false);
    } catch (e) {
      report(e);
    }
  };
  const runTimers = () => {
    try {
      drain(true);
    } catch (e) {
      report(e);
    }
  };
  const hooks = {
    drainSoon(macro) {
      if (macro) macrotask(runDrain);
      else queueMicrotask(runDrain);
    },
    setTimer(ms) {
      setTimeout(runTimers, ms);
    },
    /** Settle the loop's Future `key` when the thenable `p` settles. */
    awaitPromise(p, key) {
      Promise.resolve(p).then(
        (v) => settle(key, false, v),
        (e) => settle(key, true, e),
      );
    },
    /** `[promise, resolve, reject]`; `reject(exception, typeName)` rejects with a PythonError holding the exception. */
    newPromise() {
      let resolve, reject;
      const promise = new Promise((a, b) => {
        resolve = a;
        reject = b;
      });
      const rejectPython = (exc, typeName) => {
        const key = runtime.pythonKeyOf(exc);
        if (key < 0) return reject(exc);
        const own = runtime.glue.py_copy(key); // the PythonError's own reference
        reject(makePythonError(runtime, typeName, null, own));
      };
      return [promise, resolve, rejectPython];
    },
  };
  // The method proxy is destroyed too (an attribute proxy outlives its
  // parent), so that loading leaves no garbage proxy for a later GC to find.
  const setLoopHooks = module.set_loop_hooks;
  setLoopHooks(hooks);
  setLoopHooks.destroy();
  module.destroy();
}
