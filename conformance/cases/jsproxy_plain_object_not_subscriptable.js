// A plain JS object is not a mapping: o["a"], len(o), "a" in o and iter(o)
// are TypeErrors, while o.a works. Same as Pyodide.
// expect: ["TypeError", "TypeError", "TypeError", "1", "TypeError"]
globalThis.confPlainO = { a: 1 };
const r = py.runPython(`
from js import confPlainO as o
def t(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__
"\\x00".join([t(lambda: o["a"]), t(lambda: len(o)), t(lambda: "a" in o), t(lambda: o.a), t(lambda: iter(o))])
`);
py.runPython("del o");
delete globalThis.confPlainO;
return r.split("\x00");
