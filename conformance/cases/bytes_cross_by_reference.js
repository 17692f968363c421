// bytes cross by reference (a PyProxy, not copied), as in Pyodide.
// expect: ["object", true, "bytes", 3]
const b = py.runPython("b'abc'");
return [typeof b, b instanceof py.PyProxy, b.type, b.__len__()];
