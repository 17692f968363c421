// obj.as_object_map(*, hereditary=False) (deprecated in Pyodide, which warns
// RuntimeWarning "JsProxy.as_object_map() is deprecated. Use as_py_json()
// instead.") is a JsMutableMap view of the object's own enumerable string
// keys (as in Pyodide): len, keys/iteration in JS order, m[k], KeyError for a
// missing, inherited (toString) or non-string key, get with default, `in`,
// m[k] = v, del m[k] (KeyError if missing), pop, setdefault, update, clear,
// all reaching JS. Nested objects stay plain JsProxies (not subscriptable:
// TypeError) unless hereditary=True, which wraps plain-object values one
// level down (arrays stay JsArrays); the flag is keyword-only (TypeError).
// Arrays and functions have no as_object_map (AttributeError).
// expect: [[true, true], 3, ["a", "b", "d"], [["a", "int"], ["b", "JsProxy"], ["d", "JsProxy"]], 1, ["KeyError", "KeyError", "KeyError"], [1, null, 5], [true, false, false, false], "{\"a\":1,\"b\":{\"c\":2},\"d\":[1,2],\"new\":1}", "{\"a\":1,\"b\":{\"c\":2},\"d\":[1,2]}", "KeyError", "TypeError", [2, true, true], "TypeError", [1, 9, 7, "{\"b\":{\"c\":2},\"d\":[1,2],\"q\":9,\"u\":7}"], "{}", ["AttributeError", "AttributeError"]]
globalThis.confAom = { a: 1, b: { c: 2 }, d: [1, 2] };
const r = py.runPython(`
import json, warnings
from pyodide.ffi import JsMap, JsMutableMap, JsArray, JsProxy
from js import confAom, JSON, Array
def conf_err(f):
    try:
        f()
        return "no error"
    except Exception as e:
        return type(e).__name__
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    m = confAom.as_object_map()
    h = confAom.as_object_map(hereditary=True)
def conf_set():
    m["new"] = 1
def conf_del(k):
    del m[k]
res = [
    [isinstance(m, JsMap), isinstance(m, JsMutableMap)],
    len(m),
    list(m.keys()),
    [[k, type(v).__name__ if not isinstance(v, JsProxy) else "JsProxy"] for k, v in m.items()],
    m["a"],
    [conf_err(lambda: m["zz"]), conf_err(lambda: m["toString"]), conf_err(lambda: m[1])],
    [m.get("a"), m.get("zz"), m.get("zz", 5)],
    ["a" in m, "zz" in m, "toString" in m, 1 in m],
]
conf_set()
res.append(JSON.stringify(confAom))
conf_del("new")
res.append(JSON.stringify(confAom))
res.append(conf_err(lambda: conf_del("nope")))
res.append(conf_err(lambda: m["b"]["c"]))
res.append([h["b"]["c"], isinstance(h["b"], JsMutableMap), isinstance(h["d"], JsArray)])
res.append(conf_err(lambda: confAom.as_object_map(True)))
res.append([m.pop("a"), m.setdefault("q", 9), (m.update({"u": 7}), m["u"])[1], JSON.stringify(confAom)])
m.clear()
res.append(JSON.stringify(confAom))
res.append([conf_err(lambda: Array.of(1).as_object_map()), conf_err(lambda: JSON.stringify.as_object_map())])
del m, h
json.dumps(res)
`);
delete globalThis.confAom;
return JSON.parse(r);
