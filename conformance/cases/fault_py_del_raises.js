// A Python __del__ that raises when a PyProxy lets go of the last reference:
// destroy() does not throw, the error goes to stderr as CPython's
// "Exception ignored in" report (unraisable), and the runtime goes on. The
// same when __del__ calls a JS function that throws (a JsException in the
// report), when the last reference goes from the FinalizationRegistry after
// a GC (the proxy was never destroyed), and when __del__ re-enters JS which
// runs Python and destroys another proxy in the middle of destroy().
// expect: [[undefined, undefined, undefined], true, true, true, ["reenter", 42, 3, 1], 42]
const lines = [];
py.setStderr({ batched: (line) => lines.push(line) });
const seen = (text) => lines.some((l) => l.includes(text));
try {
  py.runPython(`
import js
class ConfFdelRaise:
    def __init__(self, msg): self.msg = msg
    def __del__(self): raise ValueError(self.msg)
class ConfFdelJs:
    def __del__(self): js.confFdelThrow()
class ConfFdelReenter:
    def __del__(self): js.confFdelReenter()
`);
  globalThis.confFdelThrow = () => {
    throw new Error("js in del boom");
  };
  const reentered = [];
  let other = py.runPython("[1, 2, 3]");
  globalThis.confFdelReenter = () => {
    reentered.push("reenter", py.runPython("6 * 7"), other.length);
    other.destroy();
    reentered.push(1);
  };
  const r = [];
  r.push([
    py.runPython("ConfFdelRaise('del boom')").destroy(),
    py.runPython("ConfFdelJs()").destroy(),
    py.runPython("ConfFdelReenter()").destroy(),
  ]);
  // Never destroyed: the last reference goes from the finalizer.
  (() => {
    py.runPython("ConfFdelRaise('gc del boom')");
  })();
  for (let i = 0; i < 20 && !seen("ValueError: gc del boom"); i++) await ctx.gc();
  r.push(
    seen("ValueError: del boom") && seen("Exception ignored in"),
    seen("JsException: Error: js in del boom"),
    seen("ValueError: gc del boom"),
    reentered,
    py.runPython("6 * 7"),
  );
  return r;
} finally {
  py.setStderr();
}
