// py.isPyProxy(x) (Pyodide's old pyodide.isPyProxy; Pyodide 314 has only
// `instanceof pyodide.ffi.PyProxy`) is true for PyProxies, also copies and
// destroyed ones, and false for JS values and JS functions.
// expect: [true, true, true, false, false, false, false]
const p = py.runPython("object()");
const c = p.copy();
c.destroy();
const r = [py.isPyProxy(p), py.isPyProxy(c), p instanceof py.PyProxy, py.isPyProxy({}), py.isPyProxy(() => 1), py.isPyProxy(null), py.isPyProxy(py.runPython("1"))];
p.destroy();
return r;
