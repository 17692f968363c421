// Attribute reads on one PyProxy (Pyodide 314) are cached per proxy: a.child
// === a.child and a.meth === a.meth (the same PyProxy each time). A method
// read off the proxy is a bound method (type "method") that keeps its self
// when called alone; the function read off the class takes self explicitly.
// Item reads are not cached: two get(0)/get("k") (or d.k on a dict) give two
// different proxies, and so do two py.globals.get of one name; proxies got by
// item reads stay usable after the container's proxy is destroyed.
// Deliberate difference from Pyodide (docs/conversions.md): a bound method is a new Python object on each read, so `a.meth !== a.meth` here; `a.child === a.child` (same object, same proxy) holds as in Pyodide.
// expect: [true, false, 6, "method", 7, [false, false, false], false, [1, 1, 1]]
py.runPython(`
class ConfAi:
    def __init__(self):
        self.child = [1, 2]
        self.n = 5
    def meth(self, x): return x + self.n
conf_ai = ConfAi()
`);
const a = py.globals.get("conf_ai");
const r = [];
r.push(a.child === a.child, a.meth === a.meth);
const m = a.meth;
r.push(m(1), m.type);
const cls = py.globals.get("ConfAi");
const unbound = cls.meth;
r.push(unbound(a, 2));
const l = py.runPython("[[5]]");
const d = py.runPython("{'k': [5]}");
const i1 = l.get(0);
const i2 = l.get(0);
const k1 = d.get("k");
const k2 = d.get("k");
const p1 = d.k;
const p2 = d.k;
r.push([i1 === i2, k1 === k2, p1 === p2]);
const g1 = py.globals.get("conf_ai");
const g2 = py.globals.get("conf_ai");
r.push(g1 === g2);
g1.destroy();
g2.destroy();
l.destroy();
d.destroy();
r.push([i1.length, k1.length, p1.length]);
for (const p of [i1, i2, k1, k2, p1, p2]) p.destroy();
cls.destroy();
a.destroy();
return r;
