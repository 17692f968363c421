// A JS function's bind/call/apply from Python are JS's own
// (Function.prototype.*, as in Pyodide): f.bind(this, 1) gives a new JS
// function (typeof "function", not f) with `this` and 1 fixed; f.call(this,
// 1, 2) and f.apply(this, [1, 2]) (a Python list works as the array-like)
// pass `this`; call(None) passes undefined as `this`. callable() is True for JS
// functions and classes only (not an object, array, class instance, Map),
// isinstance(x, JsCallable) likewise; calling a class without new raises
// JsException (TypeError).
// expect: [["T", 1, 2, 3, 3], "function", false, ["T", 1, 2, null, 2], ["T", 1, 2, null, 2], ["none", 1, null, null, 1], ["T"], [true, false, false, true, false, false], [true, false, false, true, false, false], ["JsException", "TypeError"], 5]
globalThis.confBindF = function (a, b, c) {
  return [this === undefined || this === globalThis ? "none" : this.tag, a, b, c, arguments.length];
};
globalThis.confBindO = { tag: "T", m() { return this ? [this.tag] : null; } };
globalThis.confBindC = class ConfBindC { constructor(x) { this.x = x; } };
const r = py.runPython(`
import json
from pyodide.ffi import JsCallable
from js import confBindF as f, confBindO as o, confBindC as C, Array, Map
def conf_js_list(a):
    return list(a)
b = f.bind(o, 1)
def conf_err(fn):
    try:
        fn()
        return "no error"
    except Exception as e:
        return [type(e).__name__, getattr(e, "name", None)]
conf_kinds = [f, o, Array.of(1), C, C.new(1), Map.new()]
out = json.dumps([
    conf_js_list(b(2, 3)),
    b.typeof,
    b == f,
    conf_js_list(f.call(o, 1, 2)),
    conf_js_list(f.apply(o, [1, 2])),
    conf_js_list(f.call(None, 1)),
    conf_js_list(o.m.bind(o)()),
    [callable(x) for x in conf_kinds],
    [isinstance(x, JsCallable) for x in conf_kinds],
    conf_err(lambda: C(1)),
    C.bind(None, 5).new().x,
])
del b, conf_kinds, f, o, C
out
`);
for (const k of ["confBindF", "confBindO", "confBindC"]) delete globalThis[k];
return JSON.parse(r);
