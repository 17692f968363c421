// Iterating a 1000-element JS array of objects from Python three times, and
// indexing each element, leaves no JS handles behind. (py.liveHandles is our
// API; where it is missing, as in Pyodide, the leak count is reported as 0.)
// expect: [2997000, 0]
globalThis.confLeakArr = Array.from({ length: 1000 }, (_, i) => ({ v: i }));
py.runPython("from js import confLeakArr");
const counts = () => (typeof py.liveHandles === "function" ? py.liveHandles().js : 0);
const before = counts();
const total = py.runPython(`
conf_t = 0
for _ in range(3):
    for conf_el in confLeakArr:
        conf_t += conf_el.v
    for conf_i in range(len(confLeakArr)):
        conf_t += confLeakArr[conf_i].v
del conf_el
conf_t
`);
await ctx.gc();
return [total, counts() - before];
