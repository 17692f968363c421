// JS null is pyodide.ffi.jsnull in Python, distinct from None (JS undefined),
// as in Pyodide 314; it is falsy and goes back to JS as null.
// expect: ["JsNull", true, false, false, "jsnull", null, true]
globalThis.confNull = null;
const r = JSON.parse(py.runPython(`
import json
from js import confNull
from pyodide.ffi import jsnull
json.dumps([type(confNull).__name__, confNull is jsnull, confNull is None, bool(jsnull), repr(jsnull)])
`));
r.push(py.runPython("from pyodide.ffi import jsnull\njsnull"));
r.push(py.runPython("None") === undefined);
return r;
