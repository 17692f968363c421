// A plain JS object is not a mapping from Python (as in Pyodide): o["a"],
// len(o) and "a" in o raise TypeError, while attribute access o.a works.
// expect: ["TypeError", "TypeError", "TypeError", "TypeError", 1]
globalThis.confPlainObj = { a: 1 };
return JSON.parse(py.runPython(`
import json
from js import confPlainObj
def conf_err(f):
    try:
        f()
        return "no error"
    except Exception as e:
        return type(e).__name__
def conf_set():
    confPlainObj["b"] = 2
json.dumps([
    conf_err(lambda: confPlainObj["a"]),
    conf_err(lambda: len(confPlainObj)),
    conf_err(lambda: "a" in confPlainObj),
    conf_err(conf_set),
    confPlainObj.a,
])
`));
