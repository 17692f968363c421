// A keyword argument whose name has a lone surrogate reaches JS like any other
// (Python str and JS string both allow it): 100 calls f([1], **{"\ud800x": 1})
// all succeed, JS gets the trailing kwargs object with that one key, and the
// Python-object table is back to its count afterwards (no leaked argument).
// expect: [100, 0, 0]
let seen = 0;
globalThis.confKwSurrogate = (...args) => {
  const kw = args[args.length - 1];
  const keys = args.length === 2 && kw !== null && typeof kw === "object" ? Object.keys(kw) : [];
  if (keys.length === 1 && keys[0] === "\ud800x" && kw["\ud800x"] === 1) seen++;
  return 0;
};
try {
  py.runPython(`
from js import confKwSurrogate
def conf_kw_calls():
    errors = 0
    for _ in range(100):
        try:
            confKwSurrogate([1], **{"\\ud800x": 1})
        except Exception:
            errors += 1
    return errors
`);
  await ctx.gc();
  const before = py.liveHandles().py;
  const errors = py.runPython("conf_kw_calls()");
  await ctx.gc();
  return [seen, errors, py.liveHandles().py - before];
} finally {
  delete globalThis.confKwSurrogate;
}
