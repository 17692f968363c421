// OUR ADDITION, NOT IN PYODIDE: memoryview() of a detached ArrayBuffer, or of
// a typed array over one, is a clear ValueError whose message mentions
// "detached" (not a zero-length view, not a crash); bytes() of it too; the
// runtime stays usable. Pyodide: memoryview is a TypeError for any JsProxy.
// Fails on Pyodide.
// expect: [["ValueError", true], ["ValueError", true], ["ValueError", true], 3]
globalThis.confBd = (() => {
  const ab = new ArrayBuffer(8);
  const u8 = new Uint8Array(ab);
  structuredClone(ab, { transfer: [ab] });
  return { ab, u8, fresh: new Uint8Array(3) };
})();
const r = py.runPython(`
import json
from js import confBd as t
def conf_err(f):
    try:
        f()
        return ["no error"]
    except Exception as e:
        return [type(e).__name__, "detached" in str(e)]
out = json.dumps([
    conf_err(lambda: memoryview(t.ab)),
    conf_err(lambda: memoryview(t.u8)),
    conf_err(lambda: bytes(t.ab)),
    len(memoryview(t.fresh)),
])
del t
out
`);
delete globalThis.confBd;
return JSON.parse(r);
