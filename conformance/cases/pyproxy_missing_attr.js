// A missing attribute read on a PyProxy gives undefined (as in Pyodide), not a throw.
// expect: [undefined, 1]
py.runPython("class ConfE:\n    pass\nconf_e = ConfE()\nconf_e.one = 1");
const e = py.globals.get("conf_e");
return [e.nope, e.one];
