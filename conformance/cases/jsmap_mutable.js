// A JS Map seen from Python is a mutable mapping (as in Pyodide): m[k] = v,
// del m[k] (KeyError if missing), pop() with and without a default,
// setdefault(), update() from a dict and keywords, clear(); JS sees each change.
// expect: [2, "KeyError", "KeyError", 0, 4, 4, [["c", 3], ["d", 4], ["e", 5], ["f", 6]], 4, 0]
globalThis.confMapMut = new Map([["a", 1], ["b", 2]]);
const r = JSON.parse(py.runPython(`
import json
from js import confMapMut
def conf_err(f):
    try:
        f()
        return "no error"
    except Exception as e:
        return type(e).__name__
def conf_del(k):
    del confMapMut[k]
confMapMut["c"] = 3
del confMapMut["a"]
json.dumps([
    confMapMut.pop("b"),
    conf_err(lambda: conf_del("zz")),
    conf_err(lambda: confMapMut.pop("zz")),
    confMapMut.pop("zz", 0),
    confMapMut.setdefault("d", 4),
    confMapMut.setdefault("d", 5),
])
`));
py.runPython("confMapMut.update({'e': 5}, f=6)");
const m = globalThis.confMapMut;
r.push(Array.from(m.entries()), m.size);
py.runPython("confMapMut.clear()");
r.push(m.size);
return r;
