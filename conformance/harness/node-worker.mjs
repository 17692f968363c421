// Node host: runs in a worker_thread so that the runner can enforce a timeout
// (terminate the worker) even if a case blocks the event loop.
import { parentPort, workerData } from "node:worker_threads";
import { pathToFileURL } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { loadRuntime, runCase, describeError } from "./exec.mjs";

// A full GC for the baseline check and ctx.gc(). Worker threads refuse V8
// flags in `execArgv` (ERR_WORKER_INVALID_EXEC_ARGV), so unless the runner
// itself was started with --expose-gc, the flag is set here and `gc` taken
// from a fresh context (the flag applies to contexts made after it is set).
function exposeGc() {
  if (typeof globalThis.gc === "function") return globalThis.gc;
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc");
}
const gc = exposeGc();

let mod;
let rt;

parentPort.on("message", async (msg) => {
  try {
    if (msg.op === "load") {
      mod = await import(pathToFileURL(workerData.packageIndex).href);
      const luaURL = new URL("../../bridge-lua/package/index.js", import.meta.url).href;
      rt = await loadRuntime(mod.loadPython, workerData.loadOptions ?? {}, async () => gc(), mod.loadPyodide, luaURL);
      rt.serverURL = workerData.serverURL;
      parentPort.postMessage({ id: msg.id, ok: true, ms: rt.ms });
    } else if (msg.op === "run") {
      const result = await runCase(rt, mod.PythonError, msg.case, "node");
      parentPort.postMessage({ id: msg.id, ok: true, result });
    } else {
      parentPort.postMessage({ id: msg.id, ok: false, error: { message: `unknown op ${msg.op}` } });
    }
  } catch (e) {
    parentPort.postMessage({ id: msg.id, ok: false, error: describeError(e, mod?.PythonError) });
  }
});
