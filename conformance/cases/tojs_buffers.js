// toJs() of buffers (Pyodide 314): bytes, bytearray and memoryview become a
// Uint8Array holding a copy (its own ArrayBuffer: writing to it does not
// change Python); a strided or reversed memoryview is copied in its logical
// order; array.array picks the typed array from the format (b Int8Array, B
// Uint8Array, h Int16Array, i Int32Array, L Uint32Array, q BigInt64Array,
// Q BigUint64Array, f Float32Array, d Float64Array); a memoryview cast to
// '?' becomes an Array of booleans; an n-D memoryview becomes nested Arrays
// with typed-array rows; inside a list, bytes convert too. An unsupported
// format (array 'w') is PythonError ConversionError, caused by
// "Unrecognized format character 'w'.".
// expect: [["Uint8Array", [1, 2]], ["Uint8Array", [9], 1, true], ["Uint8Array", [4, 5]], ["Uint8Array", [6, 5, 4]], ["Uint8Array", [4, 6]], [["Int8Array", [-1]], ["Uint8Array", [255]], ["Int16Array", [-2]], ["Int32Array", [-3, 4]], ["Uint32Array", [5]], ["BigInt64Array", [-6n]], ["BigUint64Array", [7n]], ["Float32Array", [0.5]], ["Float64Array", [1.5, -2]]], ["Array", [false, true]], [true, true, "Uint8Array", [[0, 1, 2], [3, 4, 5]]], ["Uint8Array", [97, 98]], ["PythonError", "ConversionError", true]]
py.runPython("import array\nconf_tb_ba = bytearray(b'\\x03')");
const jsOf = (code) => {
  const p = py.runPython(code);
  try {
    return p.toJs();
  } finally {
    p.destroy();
  }
};
const kind = (v) => [v.constructor.name, Array.from(v)];
const r = [];
r.push(kind(jsOf("b'\\x01\\x02'")));
const ba = jsOf("conf_tb_ba");
ba[0] = 9;
r.push([...kind(ba), py.runPython("conf_tb_ba[0]") - 2, ba.buffer.byteLength === ba.byteLength]);
r.push(kind(jsOf("memoryview(b'\\x04\\x05')")));
r.push(kind(jsOf("memoryview(b'\\x04\\x05\\x06')[::-1]")));
r.push(kind(jsOf("memoryview(b'\\x04\\x05\\x06')[::2]")));
r.push(
  [
    "array.array('b', [-1])",
    "array.array('B', [255])",
    "array.array('h', [-2])",
    "array.array('i', [-3, 4])",
    "array.array('L', [5])",
    "array.array('q', [-6])",
    "array.array('Q', [7])",
    "array.array('f', [0.5])",
    "array.array('d', [1.5, -2])",
  ].map((c) => kind(jsOf(c))),
);
const bools = jsOf("memoryview(b'\\x00\\x01').cast('?')");
r.push([Array.isArray(bools) ? "Array" : bools.constructor.name, bools]);
const nd = jsOf("memoryview(bytes(range(6))).cast('B', (2, 3))");
r.push([Array.isArray(nd), nd.length === 2, nd[0].constructor.name, nd.map((row) => Array.from(row))]);
r.push(kind(jsOf("[b'ab']")[0]));
try {
  jsOf("array.array('w', 'hi')");
  r.push("no error");
} catch (e) {
  r.push([e.name, e.type, e.message.includes("Unrecognized format character 'w'.")]);
}
return r;
