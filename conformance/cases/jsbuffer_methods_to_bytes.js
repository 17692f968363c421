// JsBuffer.to_bytes() and to_memoryview() (as in Pyodide) copy the bytes of a
// typed array, DataView or ArrayBuffer (little-endian element bytes, only a
// view's own window): to_memoryview() is a writable copy (readonly False,
// writing to it doesn't reach JS) whose format/itemsize follow the element
// type ('b','B','B','h','H','i','I','f','d','q','Q'; DataView and
// ArrayBuffer 'B', 1), shape (len,), tolist() the values; to_py() is the same
// memoryview. Typed arrays are JsBuffer, JsTypedArray and JsArray; a
// DataView or ArrayBuffer only JsBuffer (and has no len()).
// expect: [["Int8Array", "b", 1, 3, 3, [3], [1, 2, 3], "010203", [true, true, true]], ["Uint8Array", "B", 1, 3, 3, [3], [1, 2, 3], "010203", [true, true, true]], ["Uint8ClampedArray", "B", 1, 3, 3, [3], [1, 2, 3], "010203", [true, true, true]], ["Int16Array", "h", 2, 3, 6, [3], [1, 2, 3], "010002000300", [true, true, true]], ["Uint16Array", "H", 2, 3, 6, [3], [1, 2, 3], "010002000300", [true, true, true]], ["Int32Array", "i", 4, 3, 12, [3], [1, 2, 3], "010000000200000003000000", [true, true, true]], ["Uint32Array", "I", 4, 3, 12, [3], [1, 2, 3], "010000000200000003000000", [true, true, true]], ["Float32Array", "f", 4, 3, 12, [3], [1.5, 2.0, 3.0], "0000c03f0000004000004040", [true, true, true]], ["Float64Array", "d", 8, 3, 24, [3], [1.5, 2.0, 3.0], "000000000000f83f00000000000000400000000000000840", [true, true, true]], ["BigInt64Array", "q", 8, 3, 24, [3], [-1, 2, 3], "ffffffffffffffff02000000000000000300000000000000", [true, true, true]], ["BigUint64Array", "Q", 8, 3, 24, [3], [1, 2, 3], "010000000000000002000000000000000300000000000000", [true, true, true]], ["DataView", "B", 1, 2, 2, [2], [2, 3], "0203", [true, false, false]], ["ArrayBuffer", "B", 1, 4, 4, [4], [1, 2, 3, 4], "01020304", [true, false, false]], ["subarray", "B", 1, 3, 3, [3], [2, 3, 4], "020304", [true, true, true]], [false, 1, 9], ["TypeError", "TypeError"], [["memoryview", "B", "0102"], ["memoryview", "d", 8]]]
globalThis.confTbBufs = [
  ["Int8Array", new Int8Array([1, 2, 3])],
  ["Uint8Array", new Uint8Array([1, 2, 3])],
  ["Uint8ClampedArray", new Uint8ClampedArray([1, 2, 3])],
  ["Int16Array", new Int16Array([1, 2, 3])],
  ["Uint16Array", new Uint16Array([1, 2, 3])],
  ["Int32Array", new Int32Array([1, 2, 3])],
  ["Uint32Array", new Uint32Array([1, 2, 3])],
  ["Float32Array", new Float32Array([1.5, 2, 3])],
  ["Float64Array", new Float64Array([1.5, 2, 3])],
  ["BigInt64Array", new BigInt64Array([-1n, 2n, 3n])],
  ["BigUint64Array", new BigUint64Array([1n, 2n, 3n])],
  ["DataView", new DataView(new Uint8Array([1, 2, 3, 4]).buffer, 1, 2)],
  ["ArrayBuffer", new Uint8Array([1, 2, 3, 4]).buffer],
  ["subarray", new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]).subarray(2, 5)],
];
globalThis.confTbU = new Uint8Array([1, 2]);
globalThis.confTbDv = new DataView(new ArrayBuffer(2));
globalThis.confTbAb = new ArrayBuffer(2);
globalThis.confTbF = new Float64Array(1);
const r = py.runPython(`
import json
from pyodide.ffi import JsBuffer, JsTypedArray, JsArray
from js import confTbBufs, confTbU, confTbDv, confTbAb, confTbF
def conf_err(f):
    try:
        f()
        return "no error"
    except Exception as e:
        return type(e).__name__
res = []
for name, x in confTbBufs:
    mv = x.to_memoryview()
    res.append([name, mv.format, mv.itemsize, len(mv), mv.nbytes, list(mv.shape), mv.tolist(), x.to_bytes().hex(),
                [isinstance(x, c) for c in (JsBuffer, JsTypedArray, JsArray)]])
mv = confTbU.to_memoryview()
mv[0] = 9
res.append([mv.readonly, confTbU[0], mv[0]])
res.append([conf_err(lambda: len(confTbDv)), conf_err(lambda: len(confTbAb))])
p = confTbU.to_py()
q = confTbF.to_py()
res.append([[type(p).__name__, p.format, bytes(p).hex()], [type(q).__name__, q.format, q.itemsize]])
del mv, p, q, x
json.dumps(res)
`);
for (const k of ["confTbBufs", "confTbU", "confTbDv", "confTbAb", "confTbF"]) delete globalThis[k];
return JSON.parse(r);
