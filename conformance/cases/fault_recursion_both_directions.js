// Recursion across the boundary until it is refused, three times over on one
// runtime, in each shape deep_cross_recursion*.js does not cover: JS→Py→JS…
// started by a JS call (not runPython), and Py→JS→Py… started by Python code
// that catches the refusal itself (at every level, so it comes back as a
// value: the depth reached); the same with JS catching it; a pure JS
// recursion inside a JS callback Python called (a JsException named
// RangeError in Python); a pure Python recursion inside a Python function
// JS called (PythonError RecursionError). A refused cross recursion is a
// PythonError RecursionError (the bridge's "crossing depth", or CPython's own
// "maximum recursion depth exceeded": each crossing into Python enters the
// evaluation loop from C, which counts against the C recursion limit) or, if
// the JS stack guard refuses first, a RangeError: any is "refused" below. Afterwards the
// crossing depth is 0, a 100-deep cross recursion works, and after a GC both
// handle tables are where they were.
// expect: [["refused", true, true, ["JsException", "RangeError"], ["PythonError", "RecursionError"]], ["refused", true, true, ["JsException", "RangeError"], ["PythonError", "RecursionError"]], ["refused", true, true, ["JsException", "RangeError"], ["PythonError", "RecursionError"]], 0, 100, 0, 0]
globalThis.confFrJsDown = (n) => (n <= 0 ? 0 : 1 + py.globals.get("conf_fr_py_down")(n - 1));
globalThis.confFrJsToCatch = (n) => (n <= 0 ? 0 : 1 + py.globals.get("conf_fr_py_catch")(n - 1));
globalThis.confFrJsCatch = (n) => {
  if (n <= 0) return 0;
  try {
    return 1 + py.globals.get("conf_fr_py_catch_js")(n - 1);
  } catch {
    return 0;
  }
};
globalThis.confFrJsSelf = (n) => (n <= 0 ? 0 : 1 + globalThis.confFrJsSelf(n - 1));
try {
  py.runPython(`
from js import confFrJsDown, confFrJsToCatch, confFrJsCatch, confFrJsSelf
def conf_fr_py_down(n):
    return 0 if n <= 0 else 1 + confFrJsDown(n - 1)
def conf_fr_py_catch(n):
    try:
        return 0 if n <= 0 else 1 + confFrJsToCatch(n - 1)
    except Exception:
        return 0
def conf_fr_py_catch_js(n):
    return 0 if n <= 0 else 1 + confFrJsCatch(n - 1)
def conf_fr_py_self(n):
    return 0 if n <= 0 else 1 + conf_fr_py_self(n - 1)
def conf_fr_js_overflow():
    try:
        confFrJsSelf(10 ** 7)
        return "no error"
    except Exception as e:
        return [type(e).__name__, e.name]
`);
  await ctx.gc();
  const before = py.liveHandles();
  const refused = (e) =>
    (e instanceof ctx.PythonError && e.type === "RecursionError" && /crossing depth|maximum recursion depth exceeded/.test(e.message)) ||
    (e?.name === "RangeError" && /crossing depth|stack/i.test(String(e.message)));
  // In plain functions, so that no thrown error stays reachable across the GC.
  const round = () => {
    const row = [];
    try {
      row.push(["no error", globalThis.confFrJsDown(20000)]);
    } catch (e) {
      row.push(refused(e) ? "refused" : [e?.name, e?.type, String(e?.message)]);
    }
    row.push(py.runPython("conf_fr_py_catch(20000)") > 50);
    row.push(globalThis.confFrJsCatch(20000) > 50);
    row.push(py.runPython("conf_fr_js_overflow()").toJs());
    try {
      row.push(["no error", py.globals.get("conf_fr_py_self")(10 ** 6)]);
    } catch (e) {
      row.push([e?.name, e?.type]);
    }
    return row;
  };
  const r = [round(), round(), round()];
  r.push(py.crossingDepth().depth, globalThis.confFrJsDown(100));
  await ctx.gc();
  const after = py.liveHandles();
  r.push(after.js - before.js, after.py - before.py);
  return r;
} finally {
  delete globalThis.confFrJsDown;
  delete globalThis.confFrJsCatch;
  delete globalThis.confFrJsToCatch;
  delete globalThis.confFrJsSelf;
}
