// Members every PyProxy has (as in Pyodide): `type` is the Python type's name
// as C's tp_name gives it (a class defined in Python: its bare name; a C type:
// dotted, "collections.OrderedDict"); toString() and String(p) are Python's
// str(); there is no `repr` member (p.repr is a missing attribute: undefined);
// Object.prototype.toString gives "[object PyProxy]"; [Symbol.dispose] is a
// function that destroys the proxy. `instanceof py.PyProxy` holds for every
// proxy and no plain object (Pyodide 314 has no isPyProxy: it is
// `x instanceof pyodide.ffi.PyProxy`). Object.keys(instance) is []; on a dict it
// is the dict's str and int keys as strings; Reflect.ownKeys(instance) lists
// dir(obj). `"name" in p` is hasattr (instance and class attributes,
// methods); a missing attribute reads as undefined; `$name` reaches the
// Python attribute named like a member. Assignment and `delete` reach
// Python; deleting a missing attribute throws PythonError AttributeError.
// Deliberate difference from Pyodide (docs/conversions.md): our PyProxy keeps a `repr()` member.
// expect: [["ConfCm", "list", "dict", "collections.OrderedDict", "builtin_function_or_method", "type", "module"], ["str-ConfCm", "str-ConfCm", "str-ConfCm"], "function", "[object PyProxy]", "function", [true, true, true, false], [], ["1", "k"], [true, true, true, true], [true, true, true, false, true], [undefined, 2, 1, 2], [5, "T"], false, ["PythonError", "AttributeError", "AttributeError: 'ConfCm' object has no attribute 'nonexistent'"], "Object has already been destroyed"]
py.runPython(`
import collections, json
class ConfCm:
    cls_attr = 1
    def __init__(self): self.inst = 2
    def meth(self): return self.inst
    def __repr__(self): return "ConfCm()"
    def __str__(self): return "str-ConfCm"
conf_cm = ConfCm()
`);
const P = (code) => py.runPython(code);
const typeOf = (code) => {
  const p = P(code);
  const t = p.type;
  p.destroy();
  return t;
};
const r = [];
r.push(["conf_cm", "[1]", "{}", "collections.OrderedDict()", "len", "ConfCm", "json"].map(typeOf));
const g = py.globals.get("conf_cm");
r.push([g.toString(), String(g), `${g}`]);
r.push(typeof g.repr);
r.push(Object.prototype.toString.call(g));
r.push(typeof g[Symbol.dispose]);
const fn = P("len");
const gl = P("globals()");
r.push([g instanceof py.PyProxy, fn instanceof py.PyProxy, gl instanceof py.PyProxy, {} instanceof py.PyProxy]);
fn.destroy();
gl.destroy();
r.push(Object.keys(g));
const d = P("{'k': 1, 1: 2, (1, 2): 3}");
r.push(Object.keys(d).sort());
d.destroy();
const own = Reflect.ownKeys(g);
r.push(["inst", "meth", "cls_attr", "__class__"].map((k) => own.includes(k)));
r.push(["inst" in g, "cls_attr" in g, "meth" in g, "missing" in g, "$inst" in g]);
r.push([g.missing, g.inst, g.cls_attr, g.$inst]);
g.newattr = 5;
g.$type = "T";
r.push(JSON.parse(P("json.dumps([conf_cm.newattr, conf_cm.type])")));
delete g.newattr;
r.push(P("hasattr(conf_cm, 'newattr')"));
try {
  delete g.nonexistent;
  r.push("no error");
} catch (e) {
  r.push([e.name, e.type, e.message.trim().split("\n").pop()]);
}
g[Symbol.dispose]();
try {
  r.push(g.inst);
} catch (e) {
  r.push(e.message.split("\n")[0]);
}
return r;
