// As in Pyodide, `js` stands for globalThis: setting and deleting its attributes
// sets and deletes JS globals, and reading one reads the JS global.
// expect: [5, "abc", false, 7]
globalThis.confGone = 1;
py.runPython(`
import js
js.confSetFromPy = 5
js.confStr = "abc"
del js.confGone
js.confRead = 7
readback = js.confRead
`);
const out = [globalThis.confSetFromPy, globalThis.confStr, "confGone" in globalThis, py.globals.get("readback")];
delete globalThis.confSetFromPy;
delete globalThis.confStr;
delete globalThis.confRead;
return out;
