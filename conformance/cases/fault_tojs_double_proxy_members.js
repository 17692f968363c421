// A PyProxy that is a double proxy, i.e. one Python made with create_proxy()
// and handed to JS, or what proxy.toJs() gives for an object with no JS form
// (Python's to_js makes it with create_proxy), has the members of any
// PyProxy, reaching the Python object: length, has, get, set, delete,
// iteration, `in`, Object.keys / Reflect.ownKeys, delete of an attribute.
// Those that call a `_bridge` helper with the proxy itself used to pass
// it as what it becomes in Python, a JsDoubleProxy: "object of type
// 'pyodide.ffi.JsDoubleProxy' has no len()", "… is not iterable", and
// Object.keys recursed through JS and Python until the stack guard threw
// "Maximum JS/Python crossing depth exceeded". Passed back to Python it is
// still a JsDoubleProxy (create_proxy's roundtrip), and destroying it
// releases everything it made.
// expect: [[3, true, 9, [1, 2], true, true, true, "ConfFtd", "ok"], [3, true, 9, [1, 2], true, true, true, "ConfFtd", "ok"], "JsDoubleProxy"]
py.runPython(`
from pyodide.ffi import create_proxy
import js
class ConfFtd:
    def __init__(self): self.a = 1; self.store = {}
    def __len__(self): return 3
    def __contains__(self, k): return True
    def __iter__(self): return iter([1, 2])
    def __getitem__(self, k): return 9
    def __setitem__(self, k, v): self.store[k] = v
    def __delitem__(self, k): self.store.pop(k, None)
js.confFtdCp = create_proxy(ConfFtd())
`);
const members = (t) => {
  const row = [t.length, t.has(1), t.get(0), [...t]];
  t.set("k", 5);
  row.push(t.$store.get("k") === 5);
  t.delete("k");
  row.push(!t.$store.has("k"), Reflect.ownKeys(t).includes("a") && "a" in t, t.type);
  delete t.a;
  row.push("a" in t ? "still there" : "ok");
  return row;
};
const c = py.runPython("ConfFtd()");
const viaToJs = c.toJs();
const viaCreateProxy = globalThis.confFtdCp;
try {
  return [members(viaToJs), members(viaCreateProxy), py.runPython("lambda x: type(x).__name__")(viaToJs)];
} finally {
  viaToJs.destroy();
  viaCreateProxy.destroy();
  c.destroy();
}
