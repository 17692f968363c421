// The JS -> Python -> JS recursion of deep_cross_recursion.js, far too deep,
// three times in a row on the same runtime: each time a PythonError of type
// RecursionError, then the runtime still works and, after a GC, both handle
// tables are back where they were before the first attempt.
// expect: [["PythonError", "RecursionError", true], ["PythonError", "RecursionError", true], ["PythonError", "RecursionError", true], 50, 0, 0]
globalThis.confDown2 = (n) => (n <= 0 ? 0 : 1 + py.globals.get("conf_down2")(n - 1));
try {
  py.runPython("from js import confDown2\ndef conf_down2(n):\n    return 0 if n <= 0 else 1 + confDown2(n - 1)");
  await ctx.gc();
  const before = py.liveHandles();
  // In a plain function, so that no thrown error stays reachable from this frame across the GC.
  const attempt = () => {
    try {
      py.runPython("conf_down2(20000)");
      return "no error";
    } catch (e) {
      return [e?.name, e?.type, e instanceof ctx.PythonError];
    }
  };
  const summary = [attempt(), attempt(), attempt()];
  summary.push(py.runPython("conf_down2(50)"));
  await ctx.gc();
  const after = py.liveHandles();
  summary.push(after.js - before.js, after.py - before.py);
  return summary;
} finally {
  delete globalThis.confDown2;
}
