// Reference adapter: exposes Pyodide (benches/e2e/node_modules/pyodide, installed by
// `cd benches/e2e && npm ci`) through our package's API, so that the conformance
// cases can be run against the reference with `--package pyodide`. Used to check
// that a case tests what Pyodide users expect (and to see where we differ on purpose).
const PYODIDE = new URL("../../benches/e2e/node_modules/pyodide/pyodide.mjs", import.meta.url);

export class PythonError extends Error {
  static [Symbol.hasInstance](x) {
    return x instanceof Error && x.constructor?.name === "PythonError";
  }
}

export async function loadPython({ stdout, stderr } = {}) {
  const { loadPyodide } = await import(PYODIDE.href);
  const pyodide = await loadPyodide({ stdout, stderr });
  return {
    runPython: (code, options) => pyodide.runPython(code, options),
    runPythonAsync: (code, options) => pyodide.runPythonAsync(code, options),
    pyimport: (name) => pyodide.pyimport(name),
    globals: pyodide.globals,
    // Pass-throughs for the names our runtime exposes as well.
    toPy: (value, options) => pyodide.toPy(value, options),
    setStdin: (o) => pyodide.setStdin(o),
    // No argument: back to the harness capture (Pyodide would reset to its own default).
    setStdout: (o) => pyodide.setStdout(o ?? (stdout ? { batched: stdout } : undefined)),
    setStderr: (o) => pyodide.setStderr(o ?? (stderr ? { batched: stderr } : undefined)),
    setInterruptBuffer: (b) => pyodide.setInterruptBuffer(b),
    checkInterrupt: () => pyodide.checkInterrupt(),
    unpackArchive: (b, f, o) => pyodide.unpackArchive(b, f, o),
    loadPackage: (n, o) => pyodide.loadPackage(n, o),
    FS: pyodide.FS,
    mountNodeFS: (g, h) => pyodide.mountNodeFS(g, h),
    registerJsModule: (name, module) => pyodide.registerJsModule(name, module),
    unregisterJsModule: (name) => pyodide.unregisterJsModule(name),
    PyProxy: pyodide.ffi.PyProxy,
    PythonError: pyodide.ffi.PythonError,
    pyodide,
  };
}

/** Pyodide's own loader, for cases written as Pyodide programs. */
export async function loadPyodide(options = {}) {
  const { loadPyodide: load } = await import(PYODIDE.href);
  return load(options);
}
