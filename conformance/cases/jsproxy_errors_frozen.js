// Writing to a frozen / sealed / read-only JS object from Python raises
// (as in Pyodide: JsException carrying JS's strict-mode TypeError, not
// silently ignored): set or add a property of an Object.freeze'd object, del
// one, del on a sealed object, set a non-writable property or a getter-only
// accessor, setitem/delitem on a frozen array and setitem/delitem through
// as_object_map. The object is unchanged, a non-frozen nested object is still
// writable, setting a sealed object's existing property works, a setter that
// throws gives its own error, and a frozen Map's entries still change.
// (Pyodide 314.0.7 aborts with a fatal error on append() to a frozen array,
// so that is not checked.)
// expect: [["JsException", "TypeError", "read only property 'a'"], ["JsException", "TypeError", "not extensible"], ["JsException", "TypeError", "Cannot delete property 'a'"], "{\"a\":1,\"n\":{\"b\":3}}", [2, ["JsException", "TypeError", "Cannot delete property 'a'"]], ["JsException", "TypeError", "read only property 'x'"], ["JsException", "TypeError", "only a getter"], ["JsException", "RangeError", "no s"], [["JsException", "TypeError", "read only property '0'"], ["JsException", "TypeError", "read only property '0'"], "[1,2]"], [["JsException", "TypeError", "read only property 'a'"], ["JsException", "TypeError", "Cannot delete property 'a'"]], 2]
globalThis.confFz = {
  fr: Object.freeze({ a: 1, n: { b: 2 } }),
  sealed: Object.seal({ a: 1 }),
  ro: Object.defineProperty({}, "x", { value: 1, writable: false, configurable: true }),
  getter: { get g() { return 1; } },
  thrower: { set s(v) { throw new RangeError("no s"); } },
  arr: Object.freeze([1, 2]),
  map: Object.freeze(new Map([["a", 1]])),
};
const r = py.runPython(`
import json, warnings
from js import confFz as t, JSON
def conf_err(f):
    try:
        f()
        return "no error"
    except Exception as e:
        msg = str(e)
        return [type(e).__name__, getattr(e, "name", None), msg]
def conf_set(o, k, v):
    setattr(o, k, v)
def conf_del(o, k):
    delattr(o, k)
def conf_delitem(o, k):
    del o[k]
def conf_setitem(o, k, v):
    o[k] = v
def conf_short(r, needle):
    return r if r == "no error" else [r[0], r[1], needle if needle in r[2] else r[2]]
res = [
    conf_short(conf_err(lambda: conf_set(t.fr, "a", 5)), "read only property 'a'"),
    conf_short(conf_err(lambda: conf_set(t.fr, "z", 5)), "not extensible"),
    conf_short(conf_err(lambda: conf_del(t.fr, "a")), "Cannot delete property 'a'"),
]
t.fr.n.b = 3
res.append(JSON.stringify(t.fr))
t.sealed.a = 2
res.append([t.sealed.a, conf_short(conf_err(lambda: conf_del(t.sealed, "a")), "Cannot delete property 'a'")])
res.append(conf_short(conf_err(lambda: conf_set(t.ro, "x", 2)), "read only property 'x'"))
res.append(conf_short(conf_err(lambda: conf_set(t.getter, "g", 2)), "only a getter"))
res.append(conf_short(conf_err(lambda: conf_set(t.thrower, "s", 1)), "no s"))
res.append([conf_short(conf_err(lambda: conf_setitem(t.arr, 0, 9)), "read only property '0'"),
            conf_short(conf_err(lambda: conf_delitem(t.arr, 0)), "read only property '0'"),
            JSON.stringify(t.arr)])
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    om = t.fr.as_object_map()
res.append([conf_short(conf_err(lambda: conf_setitem(om, "a", 9)), "read only property 'a'"),
            conf_short(conf_err(lambda: conf_delitem(om, "a")), "Cannot delete property 'a'")])
t.map["b"] = 2
res.append(len(t.map))
del t, om
json.dumps(res)
`);
delete globalThis.confFz;
return JSON.parse(r);
