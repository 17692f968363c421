// Two runtimes in one page do not mix up their objects: a PyProxy of runtime B
// reaching runtime A (through a JS global) is a foreign JS object there, a
// JsProxy, not whatever object A happens to have under the same table key.
// A's own PyProxies still come back to A as the original objects.
// expect: ["Js...", true, 6]
const B = await ctx.loadPython();
B.runPython("secret = [1, 2, 3]");
globalThis.confBsecret = B.globals.get("secret");
// A holds some PyProxies of its own, so that its table has entries at B's key
// numbers too: a mix-up then resolves silently to one of them.
py.runPython("class ConfAObj:\n    pass");
const aOwn = [];
for (let i = 0; i < 16; i++) aOwn.push(py.runPython("ConfAObj()"));
try {
  const foreignType = py.runPython("from js import confBsecret\ntype(confBsecret).__name__");
  py.runPython("conf_a_own = [4, 5]");
  globalThis.confAown = py.globals.get("conf_a_own");
  const ownIsSame = py.runPython("from js import confAown\nconfAown is conf_a_own");
  // Any JsProxy class name (Js...) is fine; anything else is shown as it is.
  const foreign = String(foreignType).startsWith("Js") ? "Js..." : foreignType;
  return [foreign, ownIsSame, B.runPython("sum(secret)")];
} finally {
  delete globalThis.confBsecret;
  delete globalThis.confAown;
  aOwn.length = 0;
}
