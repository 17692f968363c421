// A JS array seen from Python has the list methods append, extend, pop, index
// and count, with Python semantics (as in Pyodide): pop(0) removes the first
// element (JS pop would ignore the argument), index of a missing value raises
// ValueError, pop on an empty array IndexError. JS observes the mutations.
// expect: [[10, 20, 30, 40, 50, 60], 60, 10, [20, 30, 40, 50], 1, 2, 0, "ValueError", "IndexError", true]
globalThis.confMethArr = [10, 20, 30];
globalThis.confMethCount = [1, 2, 3, 2];
globalThis.confMethEmpty = [];
const a = globalThis.confMethArr;
const r = [];
r.push(py.runPython(`
from js import confMethArr, confMethCount, confMethEmpty
conf_ret = [confMethArr.append(40), confMethArr.extend([50, 60])]
conf_ret == [None, None]
`) === true ? Array.from(a) : "append/extend did not return None");
r.push(py.runPython("confMethArr.pop()"));
r.push(py.runPython("confMethArr.pop(0)"));
r.push(Array.from(a));
r.push(py.runPython("confMethArr.index(30)"));
r.push(py.runPython("confMethCount.count(2)"));
r.push(py.runPython("confMethCount.count(9)"));
r.push(py.runPython(`
try:
    confMethArr.index(99)
    conf_e = "no error"
except Exception as e:
    conf_e = type(e).__name__
conf_e
`));
r.push(py.runPython(`
try:
    confMethEmpty.pop()
    conf_e = "no error"
except Exception as e:
    conf_e = type(e).__name__
conf_e
`));
r.push(globalThis.confMethEmpty.length === 0);
return r;
