// pyodide.ffi.to_js(obj, *, depth=-1, pyproxies=None, create_pyproxies=True,
// dict_converter=None, default_converter=None, eager_converter=None) from
// Python (Pyodide 314): dict_converter gets an iterable of [key, value] pairs
// (js.Object.fromEntries, js.Map.new, Array.from); depth=1 leaves inner
// containers as PyProxies; pyproxies (a JS Array) collects the PyProxies made
// (indexing it from Python unwraps to the Python object) and
// destroy_proxies(arr) destroys them; a non-Array pyproxies is TypeError
// "Expected a JsArray for the pyproxies argument"; create_pyproxies=False
// makes an unconvertible object ConversionError "No conversion known for x.";
// a tuple key is ConversionError "Cannot use (1, 2) as a key for a Javascript
// Map". default_converter(value, convert, cache) gets the Python object and
// its result is used (convert(x) converts a sub-object); if it raises, the
// error is ConversionError "Conversion from python to javascript failed".
// eager_converter(value, convert, cache) runs before the built-in rules for
// every object except int, float, bool, None, str (and JsProxies).
// expect: [["Object", "{\"2\":[3],\"a\":1}"], ["Map", "[[\"a\",1]]"], ["Array", "[[\"a\",1]]"], ["PyProxy", "list"], [2, "ConfTjo", true], "Object has already been destroyed", ["TypeError", "Expected a JsArray for the pyproxies argument"], ["ConversionError", "No conversion known for x."], ["ConversionError", "Cannot use (1, 2) as a key for a Javascript Map"], "[\"C:ConfTjo\"]", "[[1,{\"x\":2}]]", ["ConversionError", "Conversion from python to javascript failed"], ["[1,2.5,true,null,\"s\",[3],{\"k\":\"E:bytes\"},\"E:ConfTjo\"]", ["list", "list", "dict", "bytes", "ConfTjo"]]]
globalThis.confTjo = {
  kind: (v) => [Object.prototype.toString.call(v).slice(8, -1), v instanceof Map ? JSON.stringify([...v]) : JSON.stringify(v)],
  inner: (v) => [Object.prototype.toString.call(v[0]).slice(8, -1), v[0].type],
  firstLine: (arr) => {
    try {
      arr[0].type;
      return "alive";
    } catch (e) {
      return e.message.split("\n")[0];
    }
  },
};
const out = py.runPython(`
import json, js
from js import confTjo
from pyodide.ffi import to_js, destroy_proxies, ConversionError
class ConfTjo:
    pass
def err(f):
    try:
        f()
        return "no error"
    except Exception as e:
        return [type(e).__name__, str(e).strip().splitlines()[-1]]
res = []
res.append(list(confTjo.kind(to_js({"a": 1, 2: [3]}, dict_converter=js.Object.fromEntries))))
res.append(list(confTjo.kind(to_js({"a": 1}, dict_converter=js.Map.new))))
res.append(list(confTjo.kind(to_js({"a": 1}, dict_converter=getattr(js.Array, "from")))))
pp = js.Array.new()
res.append(list(confTjo.inner(to_js([[1], 2], depth=1, pyproxies=pp))))
to_js([ConfTjo(), len], pyproxies=pp)
res.append([pp.length - 1, type(pp[1]).__name__, pp[2] is len])
destroy_proxies(pp)
res.append(confTjo.firstLine(pp))
res.append(err(lambda: to_js([ConfTjo()], pyproxies=js.Object.new())))
res.append(err(lambda: to_js([ConfTjo()], create_pyproxies=False)))
res.append(err(lambda: to_js({(1, 2): 3})))
res.append(js.JSON.stringify(to_js([ConfTjo()], default_converter=lambda v, convert, cache: "C:" + type(v).__name__)))
res.append(js.JSON.stringify(to_js([ConfTjo()], default_converter=lambda v, convert, cache: convert([1, {"x": 2}]))))
res.append(err(lambda: to_js([ConfTjo()], default_converter=lambda v, c, ca: 1 / 0)))
seen = []
def eager(v, convert, cache):
    seen.append(type(v).__name__)
    if isinstance(v, (bytes, ConfTjo)):
        return "E:" + type(v).__name__
    return convert(v)
res.append([js.JSON.stringify(to_js([1, 2.5, True, None, "s", [3], {"k": b"x"}, ConfTjo()], eager_converter=eager)), seen])
del pp, seen
json.dumps(res)
`);
delete globalThis.confTjo;
return JSON.parse(out);
