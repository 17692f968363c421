// A destroyed PyProxy, used every way there is, is refused with an error
// that names the Python type of its object ("… of a Python ConfFdx"):
// a call, get/set/has/delete, `in`, iteration, toJs, copy, String(), and
// members read *before* destroy() and called after (get, next…). Crossing
// into Python it must not resolve either: passed as an argument, assigned
// as an attribute of a Python object, and (the cases that used to slip
// through) read by Python from a JS global, returned by a JS function,
// read as a property of a JS object or converted inside a JS array by
// to_py(). Those must fail even while another proxy of the same object (a
// copy, or the same object read again, which shares its table entry) is
// alive: they used to resolve to the object then, and otherwise said only
// "PyRef key 0x… was used after its object was destroyed". Passed to
// another runtime, it is a foreign JS object there, and using it fails in
// that runtime as a JsException with the same message.
// expect: [[true, true, true, true, true, true, true, true, true, true, true, true, true, true], [true, true], [true, true, true, true, true, true], ["JsProxy", ["JsException", true]], [true, true]]
py.runPython(`
class ConfFdx:
    def __init__(self): self.v = 1
    def __call__(self, *a): return 1
    def __getitem__(self, k): return 1
    def __setitem__(self, k, v): pass
    def __delitem__(self, k): pass
    def __contains__(self, k): return True
    def __iter__(self): return iter([1])
conf_fdx_obj = ConfFdx()
conf_fdx_holder = ConfFdx()
def conf_fdx_take(x):
    return x
def conf_fdx_err(f):
    try:
        f()
        return "no error"
    except Exception as e:
        return [type(e).__name__, "Python ConfFdx" in str(e)]
`);
const names = (e) => /Object has already been destroyed/.test(String(e?.message)) && /Python ConfFdx/.test(String(e?.message));
const refused = (f) => {
  try {
    f();
    return "no error";
  } catch (e) {
    return names(e) || [e?.name, String(e?.message).split("\n")[0]];
  }
};
const r = [];
const d = py.runPython("conf_fdx_obj");
const early = { get: d.get, set: d.set, has: d.has, iter: d[Symbol.iterator], call: d.call, kw: d.callKwargs };
d.destroy();
r.push([
  refused(() => d(1)),
  refused(() => d.v),
  refused(() => {
    d.v = 2;
  }),
  refused(() => "v" in d),
  refused(() => delete d.v),
  refused(() => [...d]),
  refused(() => d.toJs()),
  refused(() => d.copy()),
  refused(() => String(d)),
  refused(() => early.get(1)),
  refused(() => early.set(1, 2)),
  refused(() => early.has(1)),
  refused(() => [...early.iter()]),
  refused(() => early.kw({ a: 1 })),
]);
// Into Python as an argument, and assigned as an attribute.
const take = py.globals.get("conf_fdx_take");
const holder = py.globals.get("conf_fdx_holder");
r.push([
  refused(() => take(d)),
  refused(() => {
    holder.other = d;
  }),
]);
// Into Python through JS, while another proxy of the object is alive.
const alive = py.runPython("conf_fdx_obj");
globalThis.confFdxDead = d;
globalThis.confFdxRet = () => d;
globalThis.confFdxBox = { d };
globalThis.confFdxArr = [d];
const inPy = (code) => {
  const v = py.runPython(`conf_fdx_err(lambda: ${code})`).toJs?.() ?? "no error";
  return Array.isArray(v) && v[1] === true;
};
py.runPython("import js");
r.push([
  inPy("js.confFdxDead"),
  inPy("js.confFdxRet()"),
  inPy("js.confFdxBox.d"),
  inPy("js.confFdxArr.to_py()"),
  inPy("js.confFdxArr[0]"),
  alive.v === 1,
]);
// Another runtime: a foreign JS object, refused when used.
const B = await ctx.loadPython();
const bKind = B.runPython("lambda x: type(x).__name__");
const bUse = B.runPython(`
def conf_fdx_use(x):
    try:
        x.v
        return "no error"
    except Exception as e:
        return [type(e).__name__, "Python ConfFdx" in str(e)]
conf_fdx_use`);
r.push([String(bKind(d)).startsWith("Js") ? "JsProxy" : bKind(d), bUse(d).toJs()]);
bKind.destroy();
bUse.destroy();
r.push([alive.v === 1, py.runPython("conf_fdx_obj.v") === 1]);
for (const p of [take, holder, alive]) p.destroy();
return r;
