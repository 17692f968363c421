// A method called through a long-lived PyProxy, `o.m(x)` in a loop, leaves no
// table entries behind while `o` lives: each `o.m` is a new bound-method
// object, and the per-proxy attribute cache keeps one proxy per attribute
// name, not one per object ever read. (The soak, bridge-js/tests/soak.mjs,
// found the cache holding every bound method until `o` was destroyed.)
// The same attribute object still gives the same proxy (`o.child === o.child`).
// expect: [true, 0, 3000]
py.runPython(`
class ConfBoundLoop:
    def __init__(self):
        self.child = [1]
    def m(self, x):
        return x
conf_bound_loop = ConfBoundLoop()
`);
const o = py.globals.get("conf_bound_loop");
try {
  const same = o.child === o.child;
  o.m(1);
  await ctx.gc();
  const before = py.liveHandles().py;
  let s = 0;
  for (let i = 0; i < 3000; i++) s += o.m(1);
  await ctx.gc();
  const grown = py.liveHandles().py - before;
  return [same, grown, s];
} finally {
  o.destroy();
}
