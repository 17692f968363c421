// Runs one conformance case against a loaded runtime. Identical code runs in
// the Node worker (node-worker.mjs) and in the Chromium page (page.html), so
// the two hosts differ only in how the runtime module is loaded.
import { encode } from "./values.mjs";

const AsyncFunction = (async () => {}).constructor;

/**
 * Load a runtime whose stdout/stderr go into a per-case capture buffer.
 * @returns {Promise<{py: object, capture: {stdout: string[], stderr: string[]}, ms: number}>}
 */
export async function loadRuntime(loadPython, options = {}) {
  const capture = { stdout: [], stderr: [] };
  const t0 = performance.now();
  const py = await loadPython({
    ...options,
    stdout: (text) => capture.stdout.push(String(text)),
    stderr: (text) => capture.stderr.push(String(text)),
  });
  return { py, capture, ms: performance.now() - t0 };
}

/** Describe a thrown value with the fields the runner compares. */
export function describeError(e, PythonError) {
  const isObj = e !== null && (typeof e === "object" || typeof e === "function");
  let message = "";
  let name = "";
  let type;
  try {
    name = isObj && typeof e.name === "string" ? e.name : typeof e;
    message = isObj && e.message !== undefined ? String(e.message) : String(e);
    type = isObj && e.type !== undefined ? String(e.type) : undefined;
  } catch (inner) {
    message = `<reading the error threw ${inner && inner.name}>`;
  }
  return {
    name,
    type,
    message,
    isError: e instanceof Error,
    isPythonError: typeof PythonError === "function" && e instanceof PythonError,
    stack: isObj && typeof e.stack === "string" ? e.stack.split("\n").slice(0, 8).join("\n") : undefined,
  };
}

/**
 * Run one case. `c` is {name, kind: "py"|"js", source}.
 * A `.py` case is passed to runPython; a `.js` case is the body of an async
 * function called with (py, ctx), ctx = {PythonError, host}.
 * After the case, a health check (`runPython("6 * 7") === 42`) tells whether
 * the runtime is still usable.
 */
export async function runCase(rt, PythonError, c, host) {
  const { py, capture } = rt;
  capture.stdout.length = 0;
  capture.stderr.length = 0;
  const out = { ok: false };
  const t0 = performance.now();
  try {
    let value;
    if (c.kind === "py") {
      value = py.runPython(c.source);
    } else {
      const fn = new AsyncFunction("py", "ctx", c.source);
      value = await fn(py, { PythonError, host });
    }
    out.ok = true;
    out.value = encode(value);
  } catch (e) {
    out.error = describeError(e, PythonError);
  }
  out.ms = performance.now() - t0;
  out.stdout = capture.stdout.join("\n");
  out.stderr = capture.stderr.join("\n");
  try {
    const v = py.runPython("6 * 7");
    out.healthy = v === 42;
    if (!out.healthy) out.healthError = `health check runPython("6 * 7") gave ${String(v)}`;
  } catch (e) {
    out.healthy = false;
    const d = describeError(e, PythonError);
    out.healthError = `health check runPython("6 * 7") threw ${d.name}${d.type ? ` (${d.type})` : ""}: ${d.message}`;
  }
  return out;
}
