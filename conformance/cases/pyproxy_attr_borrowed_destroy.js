// Pyodide's lifetime rule for attribute proxies (a Pyodide-specific rule:
// decide whether to follow it). An attribute read through a PyProxy is cached
// on that proxy and destroyed with it: after parent.destroy(), using an
// attribute proxy read earlier (a list attribute, a bound method) throws
// Error "This borrowed attribute proxy was automatically destroyed in the
// process of destroying the proxy it was borrowed from. Try using the 'copy'
// method."; a copy() of it survives. Destroying the cached attribute proxy
// itself and reading the attribute again gives a working proxy.
// Deliberate difference from Pyodide (docs/conversions.md): Pyodide destroys attribute proxies with their parent; here a proxy lives until it is destroyed or collected (no borrowed-proxy footgun).
// expect: [2, 1, 2, 2]
py.runPython(`
class ConfAb:
    def __init__(self): self.child = [1, 2]
    def meth(self): return 1
conf_ab = ConfAb()
`);
const first = (f) => {
  try {
    return f();
  } catch (e) {
    return e.message.split("\n")[0];
  }
};
const r = [];
const a = py.globals.get("conf_ab");
const child = a.child;
const meth = a.meth;
a.destroy();
r.push(first(() => child.length), first(() => meth()));
const b = py.globals.get("conf_ab");
const copied = b.child.copy();
b.destroy();
r.push(copied.length);
copied.destroy();
const c = py.globals.get("conf_ab");
c.child.destroy();
r.push(first(() => c.child.length));
c.destroy();
return r;
