// `using` (explicit resource management) destroys a PyProxy, and releases a
// getBuffer() view, at the end of the block: [Symbol.dispose] on both.
// Chromium only (Node 20 has no `using` syntax).
// hosts: chromium
// expect: [3, "destroyed", 1, true]
const r = [];
let kept;
{
  using p = py.runPython("[1, 2, 3]");
  r.push(p.length);
  kept = p;
}
try {
  kept.length;
  r.push("still alive");
} catch (e) {
  r.push(/already been destroyed/.test(e.message) ? "destroyed" : e.message);
}
let view;
{
  using b = py.runPython("bytearray(b'\\x01')");
  using v = b.getBuffer();
  r.push(v.data[0]);
  view = v;
}
r.push(view.released);
return r;
