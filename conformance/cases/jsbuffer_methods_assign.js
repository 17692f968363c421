// JsBuffer.assign(src, /) copies a Python buffer into the JS buffer and
// assign_to(dst, /) copies the JS buffer into a writable Python buffer (as in
// Pyodide). Sources: bytes, bytearray, memoryview, array.array; a list or str
// is TypeError "a bytes-like object is required, not 'list'". The byte
// lengths must be equal: ValueError "cannot assign to TypedArray of length
// <js bytes> from buffer of length <python bytes>" (Pyodide's message swaps
// the two numbers; we deliberately do not: docs/conversions.md); assign_to
// says "cannot assign from TypedArray of length <js bytes> to buffer of
// length <python bytes>". The length is checked before the format. Formats must agree
// for multi-byte element types: Int16Array.assign(bytes) is ValueError
// "TypedArray and memorybuffer have incompatible formats", array('h') works;
// a Uint8Array accepts 'b' or 'B'; ArrayBuffer and DataView take bytes.
// A read-only target (bytes) is BufferError "Object is not writable.".
// No keywords: TypeError.
// expect: [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], ["ValueError", "cannot assign to TypedArray of length 4 from buffer of length 2"], ["ValueError", "cannot assign to TypedArray of length 4 from buffer of length 5"], ["TypeError", "a bytes-like object is required, not 'list'"], ["TypeError", "a bytes-like object is required, not 'str'"], [1, -2], [1.5, 2.5], ["ValueError", "TypedArray and memorybuffer have incompatible formats"], ["ValueError", "cannot assign to TypedArray of length 4 from buffer of length 8"], [1, 255], "0102", "0304", "01020304", "01020304", ["ValueError", "cannot assign from TypedArray of length 4 to buffer of length 3"], ["ValueError", "cannot assign from TypedArray of length 4 to buffer of length 5"], [7, -8], ["ValueError", "TypedArray and memorybuffer have incompatible formats"], ["BufferError", "Object is not writable."], ["TypeError", "a bytes-like object is required, not 'list'"], "TypeError"]
globalThis.confAsg = {
  u: new Uint8Array(4),
  i16: new Int16Array(2),
  f64: new Float64Array(2),
  u2: new Uint8Array(2),
  ab: new ArrayBuffer(2),
  dv: new DataView(new ArrayBuffer(2)),
  src: new Uint8Array([1, 2, 3, 4]),
  s16: new Int16Array([7, -8]),
};
const r = py.runPython(`
import json, array
from js import confAsg as t
def conf_err(f):
    try:
        f()
        return "no error"
    except Exception as e:
        return [type(e).__name__, str(e)]
res = []
t.u.assign(b"\\x01\\x02\\x03\\x04"); res.append(list(t.u))
t.u.assign(bytearray(b"\\x05\\x06\\x07\\x08")); res.append(list(t.u))
t.u.assign(memoryview(b"\\x09\\x0a\\x0b\\x0c")); res.append(list(t.u))
res.append(conf_err(lambda: t.u.assign(b"\\x01\\x02")))
res.append(conf_err(lambda: t.u.assign(b"\\x01\\x02\\x03\\x04\\x05")))
res.append(conf_err(lambda: t.u.assign([1, 2, 3, 4])))
res.append(conf_err(lambda: t.u.assign("abcd")))
t.i16.assign(array.array("h", [1, -2])); res.append(list(t.i16))
t.f64.assign(array.array("d", [1.5, 2.5])); res.append(list(t.f64))
res.append(conf_err(lambda: t.i16.assign(b"\\x03\\x00\\x04\\x00")))
res.append(conf_err(lambda: t.i16.assign(array.array("i", [1, 2]))))
t.u2.assign(array.array("b", [1, -1])); res.append(list(t.u2))
t.ab.assign(b"\\x01\\x02"); res.append(t.ab.to_bytes().hex())
t.dv.assign(b"\\x03\\x04"); res.append(t.dv.to_bytes().hex())
ba = bytearray(4)
t.src.assign_to(ba); res.append(ba.hex())
ba = bytearray(4)
t.src.assign_to(memoryview(ba)); res.append(ba.hex())
res.append(conf_err(lambda: t.src.assign_to(bytearray(3))))
res.append(conf_err(lambda: t.src.assign_to(bytearray(5))))
a = array.array("h", [0, 0])
t.s16.assign_to(a); res.append(list(a))
res.append(conf_err(lambda: t.s16.assign_to(array.array("B", [0, 0, 0, 0]))))
res.append(conf_err(lambda: t.src.assign_to(b"\\x00\\x00\\x00\\x00")))
res.append(conf_err(lambda: t.src.assign_to([0, 0, 0, 0])))
res.append(conf_err(lambda: t.u.assign(rhs=b"1234"))[0])
del t, ba, a
json.dumps(res)
`);
delete globalThis.confAsg;
return JSON.parse(r);
