// A JS Map seen from Python is a read mapping (as in Pyodide): len, m[k],
// `in` on keys, KeyError for a missing key, iteration over keys, keys() /
// values() / items() views (items are (key, value) tuples), get() with and
// without a default.
// expect: [2, 1, true, false, "KeyError", ["a", "b"], ["a", "b"], [1, 2], [["a", 1], ["b", 2]], true, 7, null, 2]
globalThis.confMapRead = new Map([["a", 1], ["b", 2]]);
return JSON.parse(py.runPython(`
import json
from js import confMapRead
def conf_err(f):
    try:
        f()
        return "no error"
    except Exception as e:
        return type(e).__name__
conf_items = list(confMapRead.items())
json.dumps([
    len(confMapRead),
    confMapRead["a"],
    "a" in confMapRead,
    "z" in confMapRead,
    conf_err(lambda: confMapRead["z"]),
    list(confMapRead),
    list(confMapRead.keys()),
    list(confMapRead.values()),
    [list(t) for t in conf_items],
    all(type(t) is tuple for t in conf_items),
    confMapRead.get("z", 7),
    confMapRead.get("z"),
    confMapRead.get("b"),
])
`));
