// create_once_callable(f) (Pyodide 314) is a JS function (not a PyProxy;
// Python sees a JsOnceCallable) that calls f once: the second call throws
// Error "OnceProxy can only be called once" (from Python: JsException whose
// str() is "Error: OnceProxy can only be called once"); destroy() before any
// call makes the first call fail the same way. destroy_proxies(arr) destroys
// every PyProxy in a JS Array (afterwards using one throws "Object has
// already been destroyed"); a Python list is TypeError "Expected a JsProxy
// for the argument"; a JS Array of non-proxies fails with JsException
// "TypeError: proxy.destroy is not a function".
// expect: [[false, "function", true], "f(1,)", ["JsException", "Error: OnceProxy can only be called once"], ["JsException", "Error: OnceProxy can only be called once"], "f(7,)", ["JsException", "Error: OnceProxy can only be called once"], "Object has already been destroyed", ["TypeError", "Expected a JsProxy for the argument"], ["JsException", "TypeError: proxy.destroy is not a function"]]
globalThis.confOc = {
  kind: (v) => [v instanceof py.PyProxy, typeof v],
  call: (f, ...a) => f(...a),
  firstUse: (arr) => {
    try {
      arr[1].length;
      return "alive";
    } catch (e) {
      return e.message.split("\n")[0];
    }
  },
};
const out = py.runPython(`
import json, js
from js import confOc
from pyodide.ffi import create_once_callable, create_proxy, destroy_proxies, JsOnceCallable
def conf_oc_f(*a): return "f" + repr(a)
def err(f):
    try:
        f()
        return "no error"
    except Exception as e:
        return [type(e).__name__, str(e).strip().splitlines()[0]]
res = []
o = create_once_callable(conf_oc_f)
res.append([*confOc.kind(o), isinstance(o, JsOnceCallable)])
res.append(confOc.call(o, 1))
res.append(err(lambda: confOc.call(o, 2)))
o2 = create_once_callable(conf_oc_f)
o2.destroy()
res.append(err(lambda: confOc.call(o2, 3)))
o3 = create_once_callable(conf_oc_f)
res.append(o3(7))
res.append(err(lambda: o3(8)))
arr = js.Array.new()
for x in [conf_oc_f, [1], {"a": 1}]:
    arr.push(create_proxy(x))
destroy_proxies(arr)
res.append(confOc.firstUse(arr))
res.append(err(lambda: destroy_proxies([1])))
res.append(err(lambda: destroy_proxies(js.Array.new(1, 2))))
del o, o2, o3, arr
json.dumps(res)
`);
delete globalThis.confOc;
return JSON.parse(out);
