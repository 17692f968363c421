// p.getBuffer() on a Python buffer (Pyodide 314) returns a PyBufferView
// whose `data` is a typed array straight over the buffer's memory, picked
// from the format (B → Uint8Array, d → Float64Array, i → Int32Array), and the
// fields offset (index of element 0 in `data`), shape, strides (in elements,
// not bytes), ndim, nbytes, format, itemsize, readonly, c_contiguous,
// f_contiguous. readonly, c_contiguous and f_contiguous are the numbers 1/0,
// not booleans. bytes is readonly 1, bytearray and array.array 0; an empty
// bytes gives an empty Uint8Array with shape [0].
// expect: [{"data": ["Uint8Array", [1, 2, 3]], "offset": 0, "shape": [3], "strides": [1], "ndim": 1, "nbytes": 3, "format": "B", "itemsize": 1, "readonly": 1, "c_contiguous": 1, "f_contiguous": 1}, {"data": ["Uint8Array", [1, 2, 3]], "offset": 0, "shape": [3], "strides": [1], "ndim": 1, "nbytes": 3, "format": "B", "itemsize": 1, "readonly": 0, "c_contiguous": 1, "f_contiguous": 1}, {"data": ["Float64Array", [1.5, -2, 3.25]], "offset": 0, "shape": [3], "strides": [1], "ndim": 1, "nbytes": 24, "format": "d", "itemsize": 8, "readonly": 0, "c_contiguous": 1, "f_contiguous": 1}, {"data": ["Int32Array", [1, -2]], "offset": 0, "shape": [2], "strides": [1], "ndim": 1, "nbytes": 8, "format": "i", "itemsize": 4, "readonly": 0, "c_contiguous": 1, "f_contiguous": 1}, {"data": ["Uint8Array", []], "offset": 0, "shape": [0], "strides": [1], "ndim": 1, "nbytes": 0, "format": "B", "itemsize": 1, "readonly": 1, "c_contiguous": 1, "f_contiguous": 1}]
py.runPython("import array");
const fields = (code, type) => {
  const p = py.runPython(code);
  const b = type === undefined ? p.getBuffer() : p.getBuffer(type);
  p.destroy();
  try {
    return {
      data: [b.data.constructor.name, Array.from(b.data)],
      offset: b.offset,
      shape: Array.from(b.shape),
      strides: Array.from(b.strides),
      ndim: b.ndim,
      nbytes: b.nbytes,
      format: b.format,
      itemsize: b.itemsize,
      readonly: b.readonly,
      c_contiguous: b.c_contiguous,
      f_contiguous: b.f_contiguous,
    };
  } finally {
    b.release();
  }
};
return [
  fields("b'\\x01\\x02\\x03'"),
  fields("bytearray(b'\\x01\\x02\\x03')"),
  fields("array.array('d', [1.5, -2.0, 3.25])"),
  fields("array.array('i', [1, -2])"),
  fields("b''"),
];
