// destroy() releases only that proxy's reference: another proxy of the same
// Python object keeps working, and the Python-object table is back to its
// baseline once both are destroyed.
// expect: [3, 3, 1, true]
py.runPython("class ConfE:\n    v = 3\nconf_e = ConfE()");
const base = py.liveHandles().py;
const a = py.runPython("conf_e");
const b = py.runPython("conf_e");
const va = a.v;
a.destroy();
const vb = b.v;
const during = py.liveHandles().py - base; // b only
b.destroy();
return [va, vb, during, py.liveHandles().py === base];
