// An object with [Symbol.iterator] (not an array) is iterable from Python (as in
// Pyodide): list() and for-loops walk it, iter(o) is a new iterator (not o),
// and that iterator is its own iter(). A plain object without [Symbol.iterator]
// is not iterable: iter() and list() raise TypeError.
// expect: [["x", "y"], ["x", "y"], false, true, "x", "y", "TypeError", "TypeError"]
globalThis.confIterable = { *[Symbol.iterator]() { yield "x"; yield "y"; } };
globalThis.confNotIterable = { a: 1 };
return JSON.parse(py.runPython(`
import json
from js import confIterable, confNotIterable
def conf_err(f):
    try:
        f()
        return "no error"
    except Exception as e:
        return type(e).__name__
conf_it = iter(confIterable)
json.dumps([
    list(confIterable),
    [x for x in confIterable],
    conf_it is confIterable,
    iter(conf_it) is conf_it,
    next(conf_it),
    next(conf_it),
    conf_err(lambda: iter(confNotIterable)),
    conf_err(lambda: list(confNotIterable)),
])
`));
