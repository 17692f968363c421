// destroy() and copy() (as in Pyodide): copy() is a new, independent proxy
// (not ===) that keeps working after the original is destroyed. After
// destroy(), every use — an attribute, type, toString, String(p), a method
// call, `in`, Object.keys, toJs, copy, assignment, length, get, iteration, a
// call — throws a plain Error (name "Error", not PythonError) whose message
// begins "Object has already been destroyed" (Pyodide adds a line pointing to
// pyodide.setDebug(true)); typeof and instanceof still work; a second
// destroy() is silent. destroy({message}) puts that message first instead.
// [Symbol.dispose]() destroys too.
// expect: [false, 2, [["Error", false, "Object has already been destroyed"], ["Error", false, "Object has already been destroyed"], ["Error", false, "Object has already been destroyed"], ["Error", false, "Object has already been destroyed"], ["Error", false, "Object has already been destroyed"], ["Error", false, "Object has already been destroyed"], ["Error", false, "Object has already been destroyed"], ["Error", false, "Object has already been destroyed"], ["Error", false, "Object has already been destroyed"], ["Error", false, "Object has already been destroyed"]], ["object", true, undefined], [["Error", false, "Object has already been destroyed"], ["Error", false, "Object has already been destroyed"], ["Error", false, "Object has already been destroyed"], ["Error", false, "Object has already been destroyed"]], "custom msg", "Object has already been destroyed"]
py.runPython(`
class ConfCd:
    def __init__(self): self.inst = 2
    def meth(self): return 1
`);
const first = (f) => {
  try {
    f();
    return "no error";
  } catch (e) {
    return [e.name, e instanceof ctx.PythonError, e.message.split("\n")[0]];
  }
};
const r = [];
const h = py.runPython("ConfCd()");
const c = h.copy();
r.push(c === h);
h.destroy();
r.push(c.inst);
c.destroy();
r.push([
  first(() => h.inst),
  first(() => h.type),
  first(() => h.toString()),
  first(() => String(h)),
  first(() => h.meth()),
  first(() => "inst" in h),
  first(() => Object.keys(h)),
  first(() => h.toJs()),
  first(() => h.copy()),
  first(() => {
    h.x = 1;
  }),
]);
r.push([typeof h, h instanceof py.PyProxy, h.destroy()]);
const l = py.runPython("[1]");
l.destroy();
const f = py.runPython("lambda: 1");
f.destroy();
r.push([first(() => l.length), first(() => l.get(0)), first(() => [...l]), first(() => f())]);
const m = py.runPython("[1]");
m.destroy({ message: "custom msg" });
r.push(first(() => m.length)[2]);
const d = py.runPython("{'a': 1}");
d[Symbol.dispose]();
r.push(first(() => d.get("a"))[2]);
return r;
