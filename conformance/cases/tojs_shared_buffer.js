// A buffer reached twice converts once (docs/conversions.md, "Deep
// conversion": a shared child is converted once and shared in the result),
// as a list or dict is: to_js([b, b]) of a bytearray, bytes, memoryview or
// array.array gives one typed array twice; a typed array shared in a JS graph
// stays shared through py.toPy() (one memoryview) and toJs(). Found by the
// round-trip fuzzer (conformance/fuzz/roundtrip.mjs, known bug
// tojs-buffer-sharing).
// expect: [[true, true, true, true], true, true]
globalThis.confTsbSame = (a) => a[0] === a[1];
const r = [];
r.push(
  JSON.parse(
    py.runPython(`
import array, json
from js import confTsbSame
from pyodide.ffi import to_js
res = []
for b in [bytearray(b"ab"), b"xyz", memoryview(b"mv"), array.array("d", [1.5])]:
    res.append(confTsbSame(to_js([b, b])))
json.dumps(res)
`),
  ),
);
const u = new Uint8Array([1, 2]);
const p = py.toPy([u, u]);
r.push(py.runPython("lambda l: l[0] is l[1]")(p));
const back = p.toJs();
p.destroy();
r.push(back[0] === back[1]);
delete globalThis.confTsbSame;
return r;
