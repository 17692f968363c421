// OUR ADDITION, NOT IN PYODIDE: buffer consumers read a JS buffer's bytes
// directly: bytes(x) and bytearray(x) are the raw little-endian bytes (for an
// Int16Array too: Pyodide's bytes() iterates the elements, so
// bytes(Int16Array [1, 300]) is ValueError there), bytes(ArrayBuffer) and
// bytes(DataView) work (Pyodide: TypeError "cannot convert
// 'pyodide.ffi.JsProxy' object to bytes"), struct.unpack_from reads an
// Int8Array's bytes (Pyodide: TypeError "a bytes-like object is required"),
// b"".join accepts it, array.array("d", f64) copies the values (this one
// also works in Pyodide, by iteration), hashlib hashes it. Fails on Pyodide.
// expect: ["010203", "010203", "01002c01", "0102", "0304", [1, -2], [1, -2], "01020304", [1.5, 2.5], "900150983cd24fb0d6963f7d28e17f72"]
globalThis.confBc = {
  u8: new Uint8Array([1, 2, 3]),
  i16: new Int16Array([1, 300]),
  ab: new Uint8Array([1, 2]).buffer,
  dv: new DataView(new Uint8Array([3, 4]).buffer),
  i8: new Int8Array([1, 0, 0, 0, -2, -1]),
  f64: new Float64Array([1.5, 2.5]),
  abc: new TextEncoder().encode("abc"),
};
const r = py.runPython(`
import json, struct, array, hashlib
from js import confBc as t
out = json.dumps([
    bytes(t.u8).hex(),
    bytearray(t.u8).hex(),
    bytes(t.i16).hex(),
    bytes(t.ab).hex(),
    bytes(t.dv).hex(),
    list(struct.unpack_from("<ih", t.i8)),
    list(struct.unpack("<ih", t.i8)),
    b"".join([t.ab, t.dv]).hex(),
    array.array("d", t.f64).tolist(),
    hashlib.md5(t.abc).hexdigest(),
])
del t
out
`);
delete globalThis.confBc;
return JSON.parse(r);
