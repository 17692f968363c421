// PyProxies that are never destroy()ed are released once garbage-collected:
// 200 proxies of plain objects, 200 of functions and 200 PythonErrors (each
// holds its Python exception) made and dropped; after a GC the Python-object
// table is back to its count.
// expect: [200, 200, 200, 600, 0]
await ctx.gc();
const before = py.liveHandles().py;
// In a plain function, so that everything it made is unreachable once it returns.
const make = () => {
  const objs = [];
  const funcs = [];
  const errors = [];
  for (let i = 0; i < 200; i++) {
    objs.push(py.runPython("object()"));
    funcs.push(py.runPython("lambda: 1"));
    try {
      py.runPython("raise ValueError('conf')");
    } catch (e) {
      errors.push(e);
    }
  }
  return [
    objs.filter((o) => o instanceof py.PyProxy).length,
    funcs.filter((f) => typeof f === "function" && f() === 1).length,
    errors.filter((e) => e instanceof ctx.PythonError && e.type === "ValueError").length,
    py.liveHandles().py - before,
  ];
};
const summary = make();
await ctx.gc();
summary.push(py.liveHandles().py - before);
return summary;
