// A JS array is a Python sequence (JsArray): len, indexing with negative
// indices, IndexError out of range, TypeError for a non-integer index,
// iteration, `in`, reversed, index, count. Same as Pyodide.
// expect: ["3", "10", "30", "IndexError", "TypeError", "TypeError", "[10, 20, 30]", "60", "True", "False", "[30, 20, 10]", "1", "1", "True"]
globalThis.confSeqA = [10, 20, 30];
const r = py.runPython(`
from js import confSeqA as a
from pyodide.ffi import JsArray
def t(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__
"\\x00".join([t(lambda: len(a)), t(lambda: a[0]), t(lambda: a[-1]), t(lambda: a[3]), t(lambda: a["x"]), t(lambda: a[1.0]),
 t(lambda: list(a)), t(lambda: sum(a)), t(lambda: 20 in a), t(lambda: 99 in a), t(lambda: list(reversed(a))),
 t(lambda: a.index(20)), t(lambda: a.count(10)), str(isinstance(a, JsArray))])
`);
py.runPython("del a");
delete globalThis.confSeqA;
return r.split("\x00");
