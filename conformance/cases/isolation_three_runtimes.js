// Three runtimes in one page/worker (this one, A, and B and C from
// ctx.loadPython()), with interleaved work and objects passed between them
// through JS globals and as call arguments. Each runtime first holds 24
// proxies of its own, so that its table has entries at the other runtimes'
// key numbers: a mix-up would resolve silently to one of them. No object of
// one runtime ever resolves to an object of another: B's object in A (read
// from a JS global, or received as an argument) is a JsProxy there, not an
// instance of A's class of the same name, and reading its attribute goes
// through JS to B ("B"); A's function handing it back gives JS the very same
// PyProxy, and in B it is the original object again (`is`). A call chain
// A → JS → B → JS → C → JS → A keeps each runtime's objects its own and
// each runtime's crossing depth its own. A PythonError of B raised through A
// is a JsException in A (named PythonError, B's message), comes out of A as
// the same JS error object, and back in B is B's original exception. After
// the case every table is back where it was.
// expect: [["JsProxy", false, "B", true, true], ["JsProxy", "JsProxy", "C", "C"], [true, true, true], ["JsProxy", "JsProxy"], ["A", "B", "C", "A", [1, 1, 1]], ["JsException", "PythonError", true], [true, true], [0, 0, 0, 0, 0, 0]]
const B = await ctx.loadPython();
const C = await ctx.loadPython();
const rts = { A: py, B, C };
const own = [];
for (const [name, rt] of Object.entries(rts)) {
  rt.runPython(`
class ConfIso:
    def __init__(self, who): self.who = who
conf_iso_obj = ConfIso(${JSON.stringify(name)})
def conf_iso_kind(x):
    return "own" if isinstance(x, ConfIso) else type(x).__name__.replace("Callable", "").replace("Promise", "")
def conf_iso_echo(x):
    return x
def conf_iso_is_mine(x):
    return x is conf_iso_obj
`);
  void rt.globals;
}
const base = Object.values(rts).map((rt) => rt.liveHandles());
for (const rt of Object.values(rts)) for (let i = 0; i < 24; i++) own.push(rt.runPython("ConfIso('filler')"));
const js = (x) => (String(x).startsWith("Js") ? "JsProxy" : x);
const r = [];
const bObj = B.globals.get("conf_iso_obj");
const aObj = py.globals.get("conf_iso_obj");
const cObj = C.globals.get("conf_iso_obj");
try {
  // B's object in A through a JS global, then back through A to JS and B.
  globalThis.confIsoB = bObj;
  const aEcho = py.globals.get("conf_iso_echo");
  const back = aEcho(bObj);
  r.push([
    js(py.runPython("from js import confIsoB\nconf_iso_kind(confIsoB)")),
    py.runPython("isinstance(confIsoB, ConfIso)"),
    py.runPython("confIsoB.who"),
    back === bObj,
    B.globals.get("conf_iso_is_mine")(back),
  ]);
  aEcho.destroy();
  // Arguments: each runtime sees the others' objects as JsProxies.
  const kindB = B.globals.get("conf_iso_kind");
  const kindC = C.globals.get("conf_iso_kind");
  globalThis.confIsoC = cObj;
  r.push([js(kindB(aObj)), js(kindC(bObj)), py.runPython("from js import confIsoC\nconfIsoC.who"), cObj.who]);
  kindB.destroy();
  kindC.destroy();
  // Every runtime recognises only its own object.
  r.push(Object.entries({ A: aObj, B: bObj, C: cObj }).map(([n, o]) => {
    const mine = rts[n].globals.get("conf_iso_is_mine");
    const others = Object.entries(rts).filter(([m]) => m !== n).map(([, rt]) => rt.globals.get("conf_iso_is_mine"));
    const ok = mine(o) === true && others.every((f) => f(o) === false);
    mine.destroy();
    others.forEach((f) => f.destroy());
    return ok;
  }));
  // Python functions of one runtime called with a function of another.
  const aFn = py.globals.get("conf_iso_echo");
  r.push([js(B.globals.get("conf_iso_kind")(aFn)), js(C.runPython("type").call(null, aFn).__name__)]);
  aFn.destroy();
  // A → JS → B → JS → C → JS → A, each runtime reading its own object.
  const depths = [];
  globalThis.confIsoToB = () => B.runPython("from js import confIsoToC\n[conf_iso_obj.who] + list(confIsoToC())").toJs();
  globalThis.confIsoToC = () => C.runPython("from js import confIsoToA\n[conf_iso_obj.who] + list(confIsoToA())").toJs();
  globalThis.confIsoToA = () => {
    depths.push(...Object.values(rts).map((rt) => rt.crossingDepth().depth));
    return [py.runPython("conf_iso_obj.who")];
  };
  const chain = py.runPython("from js import confIsoToB\n[conf_iso_obj.who] + list(confIsoToB())").toJs();
  r.push([...chain, depths.map((d) => (d > 0 ? 1 : 0))]);
  // A PythonError of B through A, and back into B.
  B.runPython("class ConfIsoErr(Exception): pass\ndef conf_iso_raise(): raise ConfIsoErr('from B')");
  const bRaise = B.globals.get("conf_iso_raise");
  globalThis.confIsoRaiseB = () => bRaise();
  r.push(py.runPython(`
from js import confIsoRaiseB
try:
    confIsoRaiseB()
    conf_iso_e = "no error"
except Exception as e:
    conf_iso_e = [type(e).__name__, e.name, "ConfIsoErr: from B" in str(e)]
conf_iso_e`).toJs());
  let bErr;
  try {
    py.runPython("confIsoRaiseB()");
  } catch (e) {
    bErr = e;
  }
  globalThis.confIsoThrow = () => {
    throw bErr;
  };
  const sameInB = B.runPython(`
from js import confIsoThrow
try:
    confIsoThrow()
    conf_iso_same = "no error"
except ConfIsoErr as e:
    conf_iso_same = e.args == ("from B",)
conf_iso_same`);
  r.push([bErr instanceof ctx.PythonError && bErr.type === "ConfIsoErr", sameInB]);
  bRaise.destroy();
  bErr = undefined;
} finally {
  for (const k of Object.keys(globalThis)) if (k.startsWith("confIso")) delete globalThis[k];
  for (const p of [aObj, bObj, cObj, ...own]) p.destroy();
  for (const rt of Object.values(rts)) {
    rt.runPython("for n in [n for n in globals() if n.startswith(('conf_iso', 'confIso'))]: del globals()[n]");
  }
}
// Every table back where it was (the PythonErrors above are let go first).
let now;
for (let i = 0; i < 20; i++) {
  for (const rt of [B, C]) rt.runPython("__import__('gc').collect()");
  await ctx.gc();
  now = Object.values(rts).map((rt) => rt.liveHandles());
  if (now.every((h, j) => h.js === base[j].js && h.py === base[j].py)) break;
}
r.push(now.flatMap((h, j) => [h.js - base[j].js, h.py - base[j].py]));
return r;
