// obj.as_py_json() (Pyodide 314 has it; as_object_map's replacement) wraps a
// JSON-like JS value so it reads as Python json (as in Pyodide): an object is
// a JsMutableMap (own enumerable string keys, m[k], KeyError, in, items,
// len; an integer key is KeyError, keys are strings), an array a JsArray,
// nested objects and arrays wrapped the same all the way down (a[0]["x"],
// o["b"]["c"][1]["d"]); null is jsnull, undefined None; m[k] = v and del
// m[k] reach JS; json.dumps with a default that turns JsArray into list and
// the rest into dict gives the same as json.dumps(to_py()). Functions, typed
// arrays, ArrayBuffers and errors have no as_py_json (AttributeError).
// expect: [[true, true, false], ["a", "b", "e", "n", "u"], 5, [1, 2, [true, true, true]], ["KeyError", "KeyError", [true, false]], ["jsnull", "None"], [[2, 7], 1], true, [5, false], ["AttributeError", "AttributeError", "AttributeError", "AttributeError"]]
globalThis.confPj = {
  o: { a: 1, b: { c: [1, { d: 2 }] }, e: [3, 4], n: null, u: undefined },
  arr: [{ x: 2 }, { x: 7 }],
  nested: [[{ x: 1 }]],
  j: { a: 1, b: [true, "s", 1.5, { c: null }] },
  f() {},
  u8: new Uint8Array(1),
  ab: new ArrayBuffer(1),
  err: new Error("x"),
};
const r = py.runPython(`
import json
from pyodide.ffi import JsMap, JsMutableMap, JsArray
from js import confPj as t, JSON
def conf_err(f):
    try:
        f()
        return "no error"
    except Exception as e:
        return type(e).__name__
pj = t.o.as_py_json()
a = t.arr.as_py_json()
def conf_default(o):
    return list(o) if isinstance(o, JsArray) else dict(o)
j = t.j.as_py_json()
pj["new"] = 5
v = pj["new"]
del pj["new"]
out = json.dumps([
    [isinstance(pj, JsMap), isinstance(pj, JsMutableMap), isinstance(pj, JsArray)],
    list(pj),
    len(pj),
    [pj["a"], pj["b"]["c"][1]["d"], [isinstance(pj["b"], JsMap), isinstance(pj["b"]["c"], JsArray), isinstance(pj["b"]["c"][1], JsMap)]],
    [conf_err(lambda: pj["zz"]), conf_err(lambda: t.o.as_py_json()[1]), ["a" in pj, "zz" in pj]],
    [repr(pj["n"]), repr(pj["u"])],
    [[e["x"] for e in a], t.nested.as_py_json()[0][0]["x"]],
    json.dumps(j, default=conf_default) == json.dumps(t.j.to_py()),
    [v, JSON.stringify(t.o).find("new") >= 0],
    [conf_err(lambda: t.f.as_py_json()), conf_err(lambda: t.u8.as_py_json()), conf_err(lambda: t.ab.as_py_json()), conf_err(lambda: t.err.as_py_json())],
])
del t, pj, a, j, v
out
`);
delete globalThis.confPj;
return JSON.parse(r);
