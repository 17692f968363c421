// A revoked JS Proxy (Proxy.revocable, then revoke()) seen from Python (as in
// Pyodide): it still crosses (also when first read after revoking) and
// crosses back to JS; every operation that reaches the JS object raises
// JsException with JS's TypeError "Cannot perform 'get' on a proxy that has
// been revoked" (get, set, deleteProperty, dir, hasattr, to_py, object_keys;
// repr/str fail in Object.prototype.toString); typeof is "object", bool() is
// False, == is identity (True with itself); len/iter/in are the usual Python
// TypeErrors ("has no len()", "is not iterable", "iterable" (CPython 3.13
// says "is not iterable", 3.14 "is not a container or iterable"); "is not a container or
// iterable": no such capability was detected); a revoked function proxy is
// still callable() but calling it raises ("'apply'"). The runtime stays usable.
// expect: [1, ["JsException", "TypeError", "'get'"], ["JsException", "TypeError", "'set'"], ["JsException", "TypeError", "'deleteProperty'"], ["JsException", "TypeError", "'get'"], ["JsException", "TypeError", "'get'"], ["JsException", "TypeError", "revoked"], ["JsException", "TypeError", "revoked"], ["JsException", "TypeError", "revoked"], ["JsException", "TypeError", "'ownKeys'"], "object", false, true, ["TypeError", null, "has no len()"], ["TypeError", null, "is not iterable"], ["TypeError", null, "iterable"], "object", [1, true], [true, ["JsException", "TypeError", "'apply'"]], ["JsException", "TypeError", "revoked"], 4]
globalThis.confRv = {
  r: Proxy.revocable({ a: 1 }, {}),
  f: Proxy.revocable(function () { return 1; }, {}),
  typeOf: (x) => typeof x,
};
const r = py.runPython(`
import json
from js import confRv as t
def conf_err(f, needle="revoked"):
    try:
        f()
        return "no error"
    except Exception as e:
        msg = str(e)
        return [type(e).__name__, getattr(e, "name", None), needle if needle in msg else msg]
def conf_set():
    p.x = 1
def conf_del():
    del p.a
p = t.r.proxy
res = [p.a]
t.r.revoke()
res += [
    conf_err(lambda: p.x, "'get'"),
    conf_err(conf_set, "'set'"),
    conf_err(conf_del, "'deleteProperty'"),
    conf_err(lambda: dir(p), "'get'"),
    conf_err(lambda: hasattr(p, "a"), "'get'"),
    conf_err(lambda: repr(p)),
    conf_err(lambda: str(p)),
    conf_err(lambda: p.to_py()),
    conf_err(lambda: p.object_keys(), "'ownKeys'"),
    p.typeof,
    bool(p),
    p == p,
    conf_err(lambda: len(p), "has no len()"),
    conf_err(lambda: iter(p), "is not iterable"),
    conf_err(lambda: "a" in p, "iterable"),
    t.typeOf(p),
]
fp = t.f.proxy
res.append([fp(), callable(fp)])
t.f.revoke()
res.append([callable(fp), conf_err(lambda: fp(), "'apply'")])
q = t.r.proxy
res.append(conf_err(lambda: repr(q)))
res.append(2 + 2)
del t, p, fp, q
json.dumps(res)
`);
delete globalThis.confRv;
return JSON.parse(r);
