// Things that look like a PyProxy but are not one, and a real PyProxy
// tampered with. Object.create(PyProxy.prototype), a plain object with a
// PyProxy's members, and a function with them are not PyProxies
// (instanceof, isPyProxy) and cross into Python as foreign JS objects
// (JsProxy), never as a Python object. A PyProxy keeps its table key in
// hidden state that no reflection on the proxy reaches (no symbol among its
// own keys or descriptors). Freezing, sealing, preventExtensions,
// defineProperty and setPrototypeOf on a PyProxy are TypeErrors saying
// what to do instead, thrown before anything changes, so the proxy keeps
// working (keys, prototype, attributes, and back in Python the same
// object); Object.freeze used to make the hidden target non-extensible and
// then fail on a Proxy invariant naming the internal symbol, after which
// Object.keys and Object.getPrototypeOf of the proxy threw for good. The
// raw wasm exports (py.glue, not part of the API but reachable) refuse
// made-up keys with typed errors: a key of the other table, generation 0,
// NaN, negative, fractional, >= 2^53; and so does a proxy whose hidden key
// is overwritten with such a number (through py.proxies, also internal).
// expect: [[false, false, false, false, false, false], ["JsProxy", "JsProxy", "JsProxy"], [0, 0, 0], [true, true, true, true, true], [true, true, 1, true], [["TypeError", "forged PyRef key"], ["TypeError", "forged PyRef key"], ["RangeError", "out of range"], ["RangeError", "out of range"], ["RangeError", "out of range"], ["RangeError", "out of range"]], [["TypeError", "forged PyRef key"], ["RangeError", "out of range"], 1], 42]
py.runPython(`
class ConfFsp:
    def __init__(self): self.a = 1
conf_fsp = ConfFsp()
def conf_fsp_kind(x):
    return "own" if isinstance(x, ConfFsp) else type(x).__name__
def conf_fsp_is(x):
    return x is conf_fsp
`);
const kind = py.globals.get("conf_fsp_kind");
const isOrig = py.globals.get("conf_fsp_is");
const p = py.globals.get("conf_fsp");
const js = (x) => (String(x).startsWith("Js") ? "JsProxy" : x);
try {
  const shape = { type: "ConfFsp", toString: () => "x", repr: () => "x", destroy() {}, toJs() {}, copy() {}, a: 1 };
  const fakes = [Object.create(py.PyProxy.prototype), shape, Object.assign(() => 1, shape)];
  const r = [
    [...fakes.map((f) => f instanceof py.PyProxy), ...fakes.map((f) => py.isPyProxy(f))],
    fakes.map((f) => js(kind(f))),
    [
      Object.getOwnPropertySymbols(p).length,
      Reflect.ownKeys(p).filter((k) => typeof k === "symbol").length,
      Object.getOwnPropertySymbols(Object.getOwnPropertyDescriptors(p)).length,
    ],
  ];
  const refused = (f) => {
    try {
      f();
      return false;
    } catch (e) {
      return e instanceof TypeError && /PyProxy/.test(e.message) && !/pybridge/.test(e.message);
    }
  };
  r.push([
    refused(() => Object.freeze(p)),
    refused(() => Object.seal(p)),
    refused(() => Object.preventExtensions(p)),
    refused(() => Object.defineProperty(p, "a", { value: 2 })),
    refused(() => Object.setPrototypeOf(p, {})),
  ]);
  r.push([Reflect.ownKeys(p).includes("a"), Object.getPrototypeOf(p) === py.PyProxy.prototype, p.a, isOrig(p)]);
  const typed = (f) => {
    try {
      f();
      return "no error";
    } catch (e) {
      const m = /forged PyRef key|out of range/.exec(String(e?.message));
      return [e?.name, m ? m[0] : String(e?.message)];
    }
  };
  r.push([0, 2 ** 52 + 5, NaN, -1, 1.5, 2 ** 53].map((k) => typed(() => py.glue.py_str(k))));
  const s = py.proxies.get(p);
  const key = s.key;
  const tampered = [];
  try {
    s.key = 7; // the JsRef table's tag
    tampered.push(typed(() => p.a));
    s.key = -3;
    tampered.push(typed(() => String(p)));
  } finally {
    s.key = key;
  }
  tampered.push(p.a);
  r.push(tampered, py.runPython("6 * 7"));
  return r;
} finally {
  for (const q of [kind, isOrig, p]) q.destroy();
}
