// OUR ADDITION, NOT IN PYODIDE: a write through memoryview(x) reaches the JS
// buffer once the view is released (the end of the `with`): m[0] = 99 on a
// Uint8Array, m[1] = 2.5 on a Float64Array's 'd' view, m[0] = -5 on an
// Int16Array. A subarray (byteOffset 2) gives exactly its own bytes and
// writes back only into its window of the underlying buffer; struct.pack_into
// and readinto-style slice assignment work. Fails on Pyodide (memoryview is
// a TypeError there).
// expect: [[99, 2, 3], [1, 2.5], [-5, 7], ["020304", 3], [0, 1, 100, 3, 102, 5, 6, 7], [7, 0, 0, 0, 9, 0], [0, 170, 187, 0]]
globalThis.confBw = {
  u8: new Uint8Array([1, 2, 3]),
  f64: new Float64Array([1, 2]),
  i16: new Int16Array([6, 7]),
  base: new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]),
  st: new Uint8Array(6),
  sl: new Uint8Array(4),
};
globalThis.confBw.sub = globalThis.confBw.base.subarray(2, 5);
const r = py.runPython(`
import json, struct
from js import confBw as t
with memoryview(t.u8) as m:
    m[0] = 99
with memoryview(t.f64) as m:
    m[1] = 2.5
with memoryview(t.i16) as m:
    m[0] = -5
res = [list(t.u8), list(t.f64), list(t.i16)]
with memoryview(t.sub) as m:
    res.append([bytes(m).hex(), len(m)])
    m[0] = 100
    m[2] = 102
res.append(list(t.base))
struct.pack_into("<ih", t.st, 0, 7, 9)
res.append(list(t.st))
with memoryview(t.sl) as m:
    m[1:3] = b"\\xaa\\xbb"
res.append(list(t.sl))
del t, m
json.dumps(res)
`);
delete globalThis.confBw;
return JSON.parse(r);
