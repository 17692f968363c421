// Node host: runs in a worker_thread so that the runner can enforce a timeout
// (terminate the worker) even if a case blocks the event loop.
import { parentPort, workerData } from "node:worker_threads";
import { pathToFileURL } from "node:url";
import { loadRuntime, runCase, describeError } from "./exec.mjs";

let mod;
let rt;

parentPort.on("message", async (msg) => {
  try {
    if (msg.op === "load") {
      mod = await import(pathToFileURL(workerData.packageIndex).href);
      const loaded = await loadRuntime(mod.loadPython, workerData.loadOptions ?? {});
      rt = loaded;
      parentPort.postMessage({ id: msg.id, ok: true, ms: loaded.ms });
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
