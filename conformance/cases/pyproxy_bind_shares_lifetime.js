// In Pyodide, a proxy made by bind() or captureThis() shares the original's
// lifetime (one shared state): destroying the bound proxy destroys the
// original, and destroying the original makes the captureThis proxy unusable
// ("Object has already been destroyed"). copy() is different: an independent
// proxy that survives the original's destroy(). (A Pyodide-specific lifetime
// rule: decide whether to follow it.)
// expect: ["Object has already been destroyed", "Object has already been destroyed", 1]
const first = (e) => e.message.split("\n")[0];
const r = [];
const f = py.runPython("lambda *a: len(a)");
const b = f.bind(null, 1);
b.destroy();
try {
  r.push(f());
} catch (e) {
  r.push(first(e));
}
const g = py.runPython("lambda *a: len(a)");
const c = g.captureThis();
g.destroy();
try {
  r.push(c());
} catch (e) {
  r.push(first(e));
}
const h = py.runPython("[1]");
const hc = h.copy();
h.destroy();
r.push(hc.length);
hc.destroy();
return r;
