// runPythonAsync(code, {globals, locals, filename}), as in Pyodide: the code
// runs (with top-level await) in the given namespace, the filename appears in
// tracebacks, and an unknown option is a TypeError naming it (Pyodide: a
// PythonError wrapping a Python TypeError that names it).
// expect: [12, 7, false, "conf_async.py", "TypeError"]
const g = py.toPy({ x: 5 });
try {
  const v = await py.runPythonAsync("import asyncio\nawait asyncio.sleep(0)\ny = x + 2\nx + 7", { globals: g });
  const y = g.get("y");
  const leaked = py.runPython("'y' in globals() and y == 7 and 'conf_async_marker' in globals()");
  let file;
  try {
    await py.runPythonAsync("await __import__('asyncio').sleep(0)\n1 / 0", { filename: "conf_async.py" });
  } catch (e) {
    file = /File "conf_async.py", line 2/.test(e.message) ? "conf_async.py" : e.message;
  }
  let bad;
  try {
    await py.runPythonAsync("1", { global: g });
  } catch (e) {
    bad = e instanceof TypeError && /global/.test(e.message) ? e.name : String(e);
  }
  return [v, y, leaked, file, bad];
} finally {
  g.destroy();
}
