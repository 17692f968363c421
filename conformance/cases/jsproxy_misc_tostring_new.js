// toString vs to_string, and Cls.new (as in Pyodide). to_string() exists only
// on buffers (JsBuffer.to_string decodes bytes); on a plain object or array
// it is AttributeError. The JS method obj.toString() is reachable and str()
// and repr() use it (a custom toString too). Cls.new(1, 2) constructs
// (instanceof holds, arguments.length 2); keyword arguments become one
// trailing object, as for calls; new works on plain constructor functions and
// builtins (Date, Array(3)); an arrow function is JsException "TypeError: ...
// is not a constructor"; a plain object has no new (AttributeError).
// expect: [["AttributeError", "AttributeError", "hi"], ["[object Object]", "1,2,3", "custom", "custom", "custom"], [3, 2, true, 0], [2, "1[object Object]"], [4, 0, 3], ["JsException", "TypeError", true], "AttributeError"]
globalThis.confMs = {
  o: { a: 1 },
  arr: [1, [2, 3]],
  custom: { toString() { return "custom"; } },
  u8: new Uint8Array([104, 105]),
  C: class ConfMsC { constructor(a, b) { this.s = a + b; this.n = arguments.length; } },
  F: function ConfMsF(x) { this.x = x; },
  arrow: (x) => x,
  isA: (o, C) => o instanceof C,
};
const r = py.runPython(`
import json
from js import confMs as t, Date, Array
def conf_err(f):
    try:
        f()
        return "no error"
    except Exception as e:
        return type(e).__name__
def conf_err2(f):
    try:
        f()
        return "no error"
    except Exception as e:
        return [type(e).__name__, getattr(e, "name", None), "is not a constructor" in str(e)]
c = t.C.new(1, 2)
k = t.C.new(1, b=2)
out = json.dumps([
    [conf_err(lambda: t.o.to_string()), conf_err(lambda: t.arr.to_string()), t.u8.to_string()],
    [t.o.toString(), t.arr.toString(), t.custom.toString(), str(t.custom), repr(t.custom)],
    [c.s, c.n, t.isA(c, t.C), t.C.new().n],
    [k.n, k.s],
    [t.F.new(4).x, Date.new(0).getTime(), len(Array.new(3))],
    conf_err2(lambda: t.arrow.new(1)),
    conf_err(lambda: t.o.new()),
])
del t, c, k
out
`);
delete globalThis.confMs;
return JSON.parse(r);
