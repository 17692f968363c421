// PyProxies (and a PythonError) of another runtime B handed to this
// runtime's API are foreign JS objects here, or a clear error, never one of
// this runtime's objects. runPython's `globals` option with B's dict is a
// TypeError ("globals must be a dict, not …JsMutableMap"); as `locals` it is
// a mapping reached through JS, so reads and writes land in B's dict. toPy
// of B's object or dict gives it back unchanged, and inside an Array or
// Object the converted container holds it as a JsProxy (back in JS the same
// PyProxy). Assigned as an attribute of this runtime's object, set as a
// dict key or value, registered as a JS module, passed as an argument: a
// JsProxy in Python each time, back in JS the very same PyProxy. B's
// PythonError passed to a Python function here is a JsException of that JS
// error (name PythonError, B's message), not an exception of this runtime. B's object destroyed in B, then
// used here, is a JsException naming its Python type.
// expect: [["PythonError", "TypeError", true], [5, 2], [true, true, true, true], "JsProxy", ["JsProxy", true, true], [["JsProxy", "int"], 1, true], ["JsModule", "Bmod", "bf"], ["JsException", "PythonError", true, "ConfFfErr"], ["JsException", true]]
const B = await ctx.loadPython();
B.runPython(`
import types
class ConfFfB:
    who = "B"
class ConfFfErr(Exception): pass
conf_ff_obj = ConfFfB()
conf_ff_ns = {"x": 5}
conf_ff_mod = types.SimpleNamespace(f=lambda: "bf", who="Bmod")
def conf_ff_raise(): raise ConfFfErr("b")
`);
py.runPython(`
class ConfFfA: pass
conf_ff_a = ConfFfA()
conf_ff_d = {}
def conf_ff_kind(x):
    return "own" if isinstance(x, ConfFfA) else type(x).__name__
def conf_ff_err_kind(e):
    return [type(e).__name__, e.name, "ConfFfErr: b" in str(e)]
`);
const js = (x) => (String(x).startsWith("Js") && x !== "JsModule" ? "JsProxy" : x);
const own = [];
const get = (rt, name) => {
  const p = rt.globals.get(name);
  own.push(p);
  return p;
};
const bObj = get(B, "conf_ff_obj");
const bNs = get(B, "conf_ff_ns");
const bMod = get(B, "conf_ff_mod");
const aObj = get(py, "conf_ff_a");
const aD = get(py, "conf_ff_d");
const kind = get(py, "conf_ff_kind");
try {
  const r = [];
  try {
    py.runPython("x", { globals: bNs });
    r.push("no error");
  } catch (e) {
    r.push([e?.name, e?.type, /globals must be a dict/.test(e.message)]);
  }
  const ns = py.toPy({});
  own.push(ns);
  r.push([py.runPython("x", { globals: ns, locals: bNs }), (py.runPython("y = 2", { globals: ns, locals: bNs }), B.runPython("conf_ff_ns['y']"))]);
  const inList = py.toPy([bObj]);
  const inDict = py.toPy({ k: bNs });
  own.push(inList, inDict);
  r.push([py.toPy(bObj) === bObj, py.toPy(bNs) === bNs, inList.get(0) === bObj, inDict.get("k") === bNs]);
  r.push(js(kind(bObj)));
  aObj.other = bObj;
  r.push([js(py.runPython("type(conf_ff_a.other).__name__")), py.runPython("conf_ff_a.other.who") === "B", aObj.other === bObj]);
  aD.set("v", bObj);
  aD.set(bObj, 1);
  r.push([py.runPython("[type(v).__name__ for v in conf_ff_d.values()]").toJs().map(js), aD.get(bObj), aD.get("v") === bObj]);
  py.registerJsModule("conf_ff_bmod", bMod);
  try {
    r.push(py.runPython("import conf_ff_bmod\n[type(conf_ff_bmod).__name__, conf_ff_bmod.who, conf_ff_bmod.f()]").toJs());
  } finally {
    py.unregisterJsModule("conf_ff_bmod");
    py.runPython("import sys\nsys.modules.pop('conf_ff_bmod', None)\ndel conf_ff_bmod");
  }
  let bErr;
  try {
    get(B, "conf_ff_raise")();
  } catch (e) {
    bErr = e;
  }
  const errKind = get(py, "conf_ff_err_kind");
  r.push([...errKind(bErr).toJs(), bErr?.type]);
  bErr = undefined;
  // Destroyed in B, then used here.
  const dead = B.runPython("ConfFfB()");
  dead.destroy();
  globalThis.confFfDead = dead;
  r.push(py.runPython(`
from js import confFfDead
try:
    confFfDead.who
    conf_ff_r = "no error"
except Exception as e:
    conf_ff_r = [type(e).__name__, "Python ConfFfB" in str(e)]
del confFfDead
conf_ff_r`).toJs());
  return r;
} finally {
  py.runPython("conf_ff_a.__dict__.clear(); conf_ff_d.clear()");
  for (const p of own) p.destroy();
}
