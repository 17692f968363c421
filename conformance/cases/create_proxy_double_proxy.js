// pyodide.ffi.create_proxy(obj, /, *, capture_this=False, roundtrip=True)
// (Pyodide 314): JS gets a PyProxy (typeof "function" for a callable, "object"
// for a dict) that stays alive after the call that handed it over, so JS can
// store it and call it later, many times. Python holds a JsDoubleProxy:
// unwrap() gives the Python object, calling it calls through JS, destroy()
// destroys the PyProxy (later JS calls throw "Object has already been
// destroyed", seen from Python as JsException; unwrap() then raises
// JsException too); a second destroy() is silent. With roundtrip=True the
// PyProxy read back from JS is a JsDoubleProxy again (unwrap() is the
// function); with roundtrip=False it is the Python object itself.
// capture_this=True passes JS's `this` as the first argument. Only obj is
// positional: create_proxy(f, True) is TypeError "create_proxy() takes exactly
// 1 positional argument (2 given)".
// expect: [[true, true, "function", true], true, "f(1, 2)", ["f(3,)", "f(4,)"], [true, true], ["JsException", true], null, "JsException", true, ["THIS", 1], [true, "object", {"a": 1}], "create_proxy() takes exactly 1 positional argument (2 given)"]
globalThis.confCp = {
  handlers: [],
  add(f) {
    this.handlers.push(f);
    return this.handlers.length - 1;
  },
  call(i, ...a) {
    return this.handlers[i](...a);
  },
  get(i) {
    return this.handlers[i];
  },
  kind: (v) => [v instanceof py.PyProxy, typeof v],
  withThis: (f) => f.call({ name: "THIS" }, 1),
};
const out = py.runPython(`
import json
from js import confCp
from pyodide.ffi import create_proxy, JsDoubleProxy, JsException
def conf_cp_f(*a): return "f" + repr(a)
res = []
p = create_proxy(conf_cp_f)
res.append([isinstance(p, JsDoubleProxy), *confCp.kind(p), p.unwrap() is conf_cp_f])
i = confCp.add(p)
res.append(confCp.get(i).unwrap() is conf_cp_f)
res.append(p(1, 2))
res.append([confCp.call(i, 3), confCp.call(i, 4)])
res.append([isinstance(confCp.get(i), JsDoubleProxy), confCp.get(i).unwrap() is conf_cp_f])
p.destroy()
try:
    confCp.call(i, 5)
    res.append("no error")
except JsException as e:
    res.append(["JsException", "Object has already been destroyed" in str(e)])
res.append(p.destroy())
try:
    p.unwrap()
    res.append("no error")
except Exception as e:
    res.append(type(e).__name__)
p2 = create_proxy(conf_cp_f, roundtrip=False)
j = confCp.add(p2)
res.append(confCp.get(j) is conf_cp_f)
p2.destroy()
def conf_cp_this(this, x): return [this.name, x]
p3 = create_proxy(conf_cp_this, capture_this=True)
res.append(list(confCp.withThis(p3)))
p3.destroy()
p4 = create_proxy({"a": 1})
res.append([*confCp.kind(p4), p4.unwrap()])
p4.destroy()
try:
    create_proxy(conf_cp_f, True)
    res.append("no error")
except TypeError as e:
    res.append(str(e))
del p, p2, p3, p4
json.dumps(res)
`);
delete globalThis.confCp;
return JSON.parse(out);
