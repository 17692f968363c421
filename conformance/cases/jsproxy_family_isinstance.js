// The proxy classes, importable from pyodide.ffi, say what a JS value is, and
// arrays and maps register with collections.abc. Same as Pyodide for these.
// expect: [[true, false, true, false], [false, true, true, false], [false, false, true, true], [false, false, false, false], [true, true]]
globalThis.confIsA = [1];
globalThis.confIsM = new Map();
globalThis.confIsG = (function* () {})();
globalThis.confIsO = {};
const r = py.runPython(`
import json, collections.abc as abc
from pyodide.ffi import JsArray, JsMap, JsIterable, JsIterator
from js import confIsA, confIsM, confIsG, confIsO
row = lambda x: [isinstance(x, c) for c in (JsArray, JsMap, JsIterable, JsIterator)]
json.dumps([row(confIsA), row(confIsM), row(confIsG), row(confIsO), [isinstance(confIsA, abc.Sequence), isinstance(confIsM, abc.Mapping)]])
`);
for (const k of ["confIsA", "confIsM", "confIsG", "confIsO"]) delete globalThis[k];
return JSON.parse(r);
