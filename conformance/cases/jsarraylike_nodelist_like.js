// A plain object with a length and numeric keys is not treated as an array
// (as in Pyodide): indexing, iteration and `in` raise TypeError. (Pyodide
// also gives it len(); we do not, see docs/conversions.md.) An `arguments` object (array-like and iterable) supports
// len(), indexing (negative too), iteration and `in`.
// expect: ["TypeError", "TypeError", "TypeError", 3, 1, 3, [1, 2, 3], true, false]
globalThis.confArrayLike = { length: 2, 0: "a", 1: "b" };
globalThis.confArgsOf = function () { return arguments; };
return JSON.parse(py.runPython(`
import json
from js import confArrayLike, confArgsOf
def conf_err(f):
    try:
        f()
        return "no error"
    except Exception as e:
        return type(e).__name__
conf_args = confArgsOf(1, 2, 3)
json.dumps([
    conf_err(lambda: confArrayLike[0]),
    conf_err(lambda: list(confArrayLike)),
    conf_err(lambda: "a" in confArrayLike),
    len(conf_args),
    conf_args[0],
    conf_args[-1],
    list(conf_args),
    2 in conf_args,
    9 in conf_args,
])
`));
