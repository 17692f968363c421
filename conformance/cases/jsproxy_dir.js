// dir() of a JsProxy (as in Pyodide) is sorted, without duplicates, and lists
// the JS properties along the whole prototype chain (own, class methods,
// getters, inherited class methods, Object.prototype's hasOwnProperty and
// toString), non-enumerable ones too, but not Symbol keys; plus the Python
// API (to_py, typeof, js_id, object_keys, as_py_json). A JS name that is a
// Python keyword shows with a trailing underscore (`for` -> `for_`, and
// obj.for_ reads it). An array's dir has no indices ("0") but has length,
// push, the JS array methods and Python's append/extend; a function's has
// call/apply/bind/new; an object without prototype has just its own keys
// and the Python API.
// expect: [true, true, [true, true, true, true, true, true, true, true, true, true, true], false, [true, true, true, true, true, true], [true, 1], [false, true, true, true, true, true, true], [true, true, true, true, true], [true, false, true]]
globalThis.confDirO = Object.defineProperty({ a: 1, [Symbol("s")]: 3 }, "hidden", { value: 1, enumerable: false });
globalThis.confDirD = (() => {
  class ConfDirB { bm() {} }
  class ConfDirD extends ConfDirB {
    constructor() { super(); this.own = 1; }
    dm() {}
    get gg() { return 1; }
  }
  return new ConfDirD();
})();
globalThis.confDirKw = { for: 1 };
globalThis.confDirA = [5, 6];
globalThis.confDirF = function confDirF() {};
globalThis.confDirN = Object.assign(Object.create(null), { z: 1 });
const r = py.runPython(`
import json
from js import confDirO, confDirD, confDirKw, confDirA, confDirF, confDirN
d = dir(confDirO)
di = dir(confDirD)
da = dir(confDirA)
df = dir(confDirF)
dn = dir(confDirN)
out = json.dumps([
    d == sorted(d),
    len(d) == len(set(d)),
    [n in d for n in ("a", "hidden", "hasOwnProperty", "toString", "constructor", "to_py", "typeof", "js_id", "object_keys", "as_py_json", "as_object_map")],
    any(n.startswith("Symbol") or n == "s" for n in d),
    [n in di for n in ("own", "dm", "gg", "bm", "constructor", "to_py")],
    ["for_" in dir(confDirKw), confDirKw.for_],
    ["0" in da, "length" in da, "push" in da, "map" in da, "append" in da, "extend" in da, "to_py" in da],
    [n in df for n in ("call", "apply", "bind", "new", "name")],
    ["z" in dn, "hasOwnProperty" in dn, "to_py" in dn],
])
del d, di, da, df, dn
out
`);
for (const k of ["confDirO", "confDirD", "confDirKw", "confDirA", "confDirF", "confDirN"]) delete globalThis[k];
return JSON.parse(r);
