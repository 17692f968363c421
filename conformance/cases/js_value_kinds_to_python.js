// Every kind of JS value a call can return reaches Python as the right type
// (one type-tag call decides it): undefined, null, booleans, numbers, strings,
// BigInt, functions, plain objects, symbols, and PyProxies (the original object).
// expect: ["NoneType", "JsNull", "bool", "bool", "int", "float", "str", "int", "JsProxy:function", "JsProxy:object", "JsProxy:object", "list-identity"]
globalThis.confKinds = [undefined, null, true, false, 7, 1.5, "s", 10n ** 20n, () => 1, { a: 1 }, Symbol("k")];
globalThis.confPick = (i) => globalThis.confKinds[i];
globalThis.confEcho = (x) => x;
const out = py.runPython(`
from js import confPick, confEcho, JsProxy
def kind(v):
    if isinstance(v, JsProxy):
        return "JsProxy:" + v.js_type
    return type(v).__name__
lst = [1, 2]
r = [kind(confPick(i)) for i in range(11)]
r.append("list-identity" if confEcho(lst) is lst else "copied")
import json
json.dumps(r)
`);
return JSON.parse(out);
