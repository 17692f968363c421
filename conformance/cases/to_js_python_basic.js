// pyodide.ffi.to_js(obj) from Python (Pyodide 314), as JS sees the result:
// list and tuple → Array, dict → plain Object (JSON.stringify drops a None
// value, which is undefined), set → Set, bytes → Uint8Array; values that
// cross by value anyway (int, str, None) come back unchanged; ints from
// 2**53 - 1 on are BigInts; a child reached twice is one JS object; a list
// containing itself is a JS cycle; an object with no conversion becomes a
// PyProxy (the JsProxy Python holds must be destroyed). Only obj is
// positional: to_js([1], 1) is TypeError "to_js() takes exactly 1 positional
// argument (2 given)".
// Deliberate difference from Pyodide (docs/conversions.md): 2**53 - 1 crosses as a Number here (our int rule).
// expect: [["Array", "1,a,"], ["Object", "{\"a\":[1,2,{}]}"], ["Set", "1"], ["Array", "1"], ["Uint8Array", "97,98"], [5, "s", true], ["bigint", "number", "number"], [true, true], ["PyProxy", true], ["TypeError", "to_js() takes exactly 1 positional argument (2 given)"]]
globalThis.confTjs = {
  kind: (v) => [Object.prototype.toString.call(v).slice(8, -1), v instanceof Set ? [...v].join(",") : v instanceof Uint8Array ? Array.from(v).join(",") : Array.isArray(v) ? v.join(",") : JSON.stringify(v)],
  types: (a) => a.map((x) => typeof x),
  isPyProxy: (v) => [Object.prototype.toString.call(v).slice(8, -1), v instanceof py.PyProxy],
  sharedAndCycle: (a, b) => [a[0] === a[1], b[1] === b],
};
const out = py.runPython(`
import json
from js import confTjs
from pyodide.ffi import to_js
class ConfTjsObj:
    pass
res = []
res.append(list(confTjs.kind(to_js([1, "a", None]))))
res.append(list(confTjs.kind(to_js({"a": [1, 2, {"b": None}]}))))
res.append(list(confTjs.kind(to_js({1}))))
res.append(list(confTjs.kind(to_js((1,)))))
res.append(list(confTjs.kind(to_js(b"ab"))))
res.append([to_js(5), to_js("s"), to_js(None) is None])
res.append(list(confTjs.types(to_js([2**53, 2**53 - 1, 2**53 - 2]))))
conf_tjs_s = [1]
conf_tjs_c = [1]
conf_tjs_c.append(conf_tjs_c)
res.append(list(confTjs.sharedAndCycle(to_js([conf_tjs_s, conf_tjs_s]), to_js(conf_tjs_c))))
conf_tjs_p = to_js(ConfTjsObj())
res.append(list(confTjs.isPyProxy(conf_tjs_p)))
conf_tjs_p.destroy()
try:
    to_js([1], 1)
    res.append("no error")
except TypeError as e:
    res.append(["TypeError", str(e)])
del conf_tjs_s, conf_tjs_c, conf_tjs_p
json.dumps(res)
`);
delete globalThis.confTjs;
return JSON.parse(out);
