// OUR ADDITION, NOT IN PYODIDE: JS typed arrays, DataView and ArrayBuffer
// support Python's buffer protocol, so memoryview(x) works, with the element
// type's struct format and itemsize ('b' Int8, 'B' Uint8 and Uint8Clamped,
// 'h' Int16, 'H' Uint16, 'i' Int32, 'I' Uint32, 'f' Float32, 'd' Float64,
// 'q' BigInt64, 'Q' BigUint64; DataView and ArrayBuffer 'B' with itemsize
// 1), shape (length,), nbytes = byteLength, and tolist() the values. Pyodide:
// TypeError "memoryview: a bytes-like object is required, not
// 'pyodide.ffi.JsProxy'". Fails on Pyodide.
// expect: [["Int8Array", "b", 1, [3], 3, [1, -2, 3]], ["Uint8Array", "B", 1, [3], 3, [1, 2, 3]], ["Uint8ClampedArray", "B", 1, [3], 3, [1, 2, 3]], ["Int16Array", "h", 2, [3], 6, [1, -2, 3]], ["Uint16Array", "H", 2, [3], 6, [1, 2, 3]], ["Int32Array", "i", 4, [3], 12, [1, -2, 3]], ["Uint32Array", "I", 4, [3], 12, [1, 2, 3]], ["Float32Array", "f", 4, [3], 12, [1.5, -2.0, 3.0]], ["Float64Array", "d", 8, [3], 24, [1.5, -2.0, 3.0]], ["BigInt64Array", "q", 8, [3], 24, [1, -2, 3]], ["BigUint64Array", "Q", 8, [3], 24, [1, 2, 3]], ["DataView", "B", 1, [2], 2, [2, 3]], ["ArrayBuffer", "B", 1, [4], 4, [1, 2, 3, 4]]]
globalThis.confBpBufs = [
  ["Int8Array", new Int8Array([1, -2, 3])],
  ["Uint8Array", new Uint8Array([1, 2, 3])],
  ["Uint8ClampedArray", new Uint8ClampedArray([1, 2, 3])],
  ["Int16Array", new Int16Array([1, -2, 3])],
  ["Uint16Array", new Uint16Array([1, 2, 3])],
  ["Int32Array", new Int32Array([1, -2, 3])],
  ["Uint32Array", new Uint32Array([1, 2, 3])],
  ["Float32Array", new Float32Array([1.5, -2, 3])],
  ["Float64Array", new Float64Array([1.5, -2, 3])],
  ["BigInt64Array", new BigInt64Array([1n, -2n, 3n])],
  ["BigUint64Array", new BigUint64Array([1n, 2n, 3n])],
  ["DataView", new DataView(new Uint8Array([1, 2, 3, 4]).buffer, 1, 2)],
  ["ArrayBuffer", new Uint8Array([1, 2, 3, 4]).buffer],
];
const r = py.runPython(`
import json
from js import confBpBufs
res = []
for name, x in confBpBufs:
    with memoryview(x) as m:
        res.append([name, m.format, m.itemsize, list(m.shape), m.nbytes, m.tolist()])
del x
json.dumps(res)
`);
delete globalThis.confBpBufs;
return JSON.parse(r);
