// A detached ArrayBuffer (transferred away with structuredClone) and typed
// arrays over it, seen from Python (as in Pyodide): they still cross and are
// still JsBuffer (the views JsTypedArray); to_bytes(), to_memoryview() and
// to_py() raise JsException (JS TypeError, message mentions "detached",
// V8: "Cannot perform Construct on a detached ArrayBuffer"); len() of a view
// is 0 and the ArrayBuffer has no len (TypeError); bool() is False;
// to_string() is ""; u8[0] is IndexError. (Pyodide cannot even convert a
// DataView over a detached buffer: reading it from JS raises JsException
// "Cannot perform DataView.prototype.byteLength on a detached ArrayBuffer";
// not checked here.)
// expect: [[true, true, true], [[true, false], [true, true], [true, true]], [["JsException", "TypeError", true], ["JsException", "TypeError", true], ["JsException", "TypeError", true]], [["JsException", "TypeError", true], ["JsException", "TypeError", true], ["JsException", "TypeError", true]], ["TypeError", 0, 0], [false, false, false], ["", "", ""], "IndexError"]
globalThis.confDt = (() => {
  const ab = new ArrayBuffer(8);
  const u8 = new Uint8Array(ab);
  const sub = new Uint8Array(ab, 2, 3);
  structuredClone(ab, { transfer: [ab] });
  return { ab, u8, sub, ok: ab.byteLength === 0 && u8.length === 0 && sub.length === 0 };
})();
const r = py.runPython(`
import json
from pyodide.ffi import JsBuffer, JsTypedArray
from js import confDt as t
def conf_err(f):
    try:
        f()
        return ["no error"]
    except Exception as e:
        return [type(e).__name__, getattr(e, "name", None), "detached" in str(e)]
def conf_name(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__
xs = [t.ab, t.u8, t.sub]
out = json.dumps([
    [t.ok, t.ok, t.ok],
    [[isinstance(x, JsBuffer), isinstance(x, JsTypedArray)] for x in xs],
    [conf_err(lambda: t.ab.to_bytes()), conf_err(lambda: t.u8.to_bytes()), conf_err(lambda: t.sub.to_bytes())],
    [conf_err(lambda: t.u8.to_memoryview()), conf_err(lambda: t.u8.to_py()), conf_err(lambda: t.ab.to_py())],
    [conf_name(lambda: len(t.ab)), len(t.u8), len(t.sub)],
    [bool(x) for x in xs],
    [x.to_string() for x in xs],
    conf_name(lambda: t.u8[0]),
])
del t, xs
out
`);
delete globalThis.confDt;
return JSON.parse(r);
