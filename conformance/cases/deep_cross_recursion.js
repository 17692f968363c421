// JS -> Python -> JS ... recursion: moderate depth works; far too deep ends in a
// clear error, a PythonError of type RecursionError (as in Pyodide), not a crash
// and not a JS stack overflow, and the runtime stays usable (the runner checks
// that after every case).
// expect-error: PythonError RecursionError
globalThis.confDown = (n) => (n <= 0 ? 0 : 1 + py.globals.get("conf_down")(n - 1));
py.runPython("from js import confDown\ndef conf_down(n):\n    return 0 if n <= 0 else 1 + confDown(n - 1)");
if (py.runPython("conf_down(200)") !== 200) return "depth 200 failed";
return py.runPython("conf_down(20000)");
