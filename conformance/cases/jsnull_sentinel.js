// JS null in Python is pyodide.ffi.jsnull (as in Pyodide), not None: `x is
// jsnull`, falsy, repr "jsnull", type JsNull (not a JsProxy), JsNull() is the
// singleton; it crosses back to JS as null while None crosses as undefined;
// to_py() keeps null as jsnull and undefined as None, in objects, arrays and
// Maps; json.dumps writes jsnull as null. NOTE: contradicts null_to_none.js
// (our documented difference: null -> None); only one of the two can pass.
// expect: [true, false, "JsNull", false, "jsnull", "jsnull", false, false, true, [true, false, "object"], [false, true, "undefined"], ["jsnull", "None", ["jsnull", "None", "1"]], ["jsnull", "None", "1"], ["jsnull", "None"], ["jsnull"], "[null]", true]
globalThis.confJnNull = null;
globalThis.confJnObj = { a: null, b: undefined, c: [null, undefined, 1] };
globalThis.confJnArr = [null, undefined, 1];
globalThis.confJnMap = new Map([["a", null]]);
globalThis.confJnSeen = (x) => [x === null, x === undefined, typeof x];
const r = py.runPython(`
import json
from pyodide.ffi import jsnull, JsNull, JsProxy
from js import confJnNull, confJnObj, confJnArr, confJnMap, confJnSeen
n = confJnNull
d = confJnObj.to_py()
json.dumps([
    n is jsnull,
    n is None,
    type(n).__name__,
    bool(n),
    repr(n),
    str(n),
    n == None,
    isinstance(n, JsProxy),
    JsNull() is jsnull,
    list(confJnSeen(jsnull)),
    list(confJnSeen(None)),
    [repr(d["a"]), repr(d["b"]), [repr(v) for v in d["c"]]],
    [repr(v) for v in confJnArr.to_py()],
    [repr(confJnArr[0]), repr(confJnArr[1])],
    [repr(v) for v in confJnMap.to_py().values()],
    json.dumps([jsnull]),
    confJnObj.a is jsnull,
])
`);
py.runPython("del n, d");
for (const k of ["confJnNull", "confJnObj", "confJnArr", "confJnMap", "confJnSeen"]) delete globalThis[k];
return JSON.parse(r);
