// JS null becomes None in Python (Pyodide uses a jsnull sentinel; we differ on purpose).
// expect: ["NoneType", true]
globalThis.confNull = null;
const t = py.runPython("from js import confNull\ntype(confNull).__name__");
return [t, py.runPython("confNull is None")];
