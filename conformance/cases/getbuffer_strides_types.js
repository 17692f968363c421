// getBuffer() layouts and the type argument (Pyodide 314). `data` spans the
// smallest to the largest byte the view touches, so for a strided or reversed
// memoryview it is that span, `offset` is where element 0 sits in it and
// strides may be negative; nbytes is that span's byte length (3 for [1:5:2]).
// A 2-D cast has shape [2, 3], strides [3, 1], c_contiguous 1, f_contiguous 0.
// getBuffer(type) with "i8", "u8", "u8clamped", "i16", "u16", "i32", "u32",
// "i64", "u64", "f32", "f64" or "dataview" reinterprets the bytes (strides are
// divided by the new element size: bytes as "i16" has strides [0.5]); format
// and itemsize stay the Python ones. An unknown type is Error "Unknown type
// xx"; a byte length or start the type cannot align to is Error "Buffer does
// not have valid alignment for a Float64Array".
// expect: [[[2, 3, 4], 0, [2], [2], 3, 0, 0], [[1, 2, 3, 4, 5, 6], 5, [6], [-1], 6, 0, 0], [[2, 3, 4, 5, 6], 4, [3], [-2], 5, 0, 0], [[1, 2, 3, 4, 5, 6], 0, [2, 3], [3, 1], 6, 1, 0], [["Uint8Array", 8, [1, 0, 0, 0, 254, 255, 255, 255]], [4], "i", 4], [["Int32Array", 6], [2], "d", 8], [["Int16Array", 3, [513, 1027, 1541]], [0.5], "B", 1], [["DataView", 6, 513], [6]], [["Int8Array", 6, [-1, 2, 3, 4, 5, 6]], [1]], [["Uint8ClampedArray", 6, [255, 2, 3, 4, 5, 6]], [1]], ["Error", "Unknown type xx"], ["Error", "Buffer does not have valid alignment for a Float64Array"]]
py.runPython("import array\nconf_gbs = bytes([1, 2, 3, 4, 5, 6])\nconf_gbs_ff = bytes([255, 2, 3, 4, 5, 6])");
const view = (code, type, f) => {
  const p = py.runPython(code);
  try {
    const b = type === undefined ? p.getBuffer() : p.getBuffer(type);
    try {
      return f(b);
    } finally {
      b.release();
    }
  } catch (e) {
    return [e.name, e.message];
  } finally {
    p.destroy();
  }
};
const layout = (b) => [Array.from(b.data), b.offset, Array.from(b.shape), Array.from(b.strides), b.nbytes, b.c_contiguous, b.f_contiguous];
const typed = (b) => [[b.data.constructor.name, b.data.length, Array.from(b.data)], Array.from(b.strides)];
const r = [];
r.push(view("memoryview(conf_gbs)[1:5:2]", undefined, layout));
r.push(view("memoryview(conf_gbs)[::-1]", undefined, layout));
r.push(view("memoryview(conf_gbs)[::-2]", undefined, layout));
r.push(view("memoryview(conf_gbs).cast('B', (2, 3))", undefined, layout));
r.push(view("array.array('i', [1, -2])", "u8", (b) => [...typed(b), b.format, b.itemsize]));
r.push(view("array.array('d', [1.5, -2.0, 3.25])", "i32", (b) => [[b.data.constructor.name, b.data.length], Array.from(b.strides), b.format, b.itemsize]));
r.push(view("conf_gbs", "i16", (b) => [...typed(b), b.format, b.itemsize]));
r.push(view("conf_gbs", "dataview", (b) => [[b.data.constructor.name, b.data.byteLength, b.data.getInt16(0, true)], Array.from(b.shape)]));
r.push(view("conf_gbs_ff", "i8", typed));
r.push(view("conf_gbs_ff", "u8clamped", typed));
r.push(view("conf_gbs", "xx", () => "no error"));
r.push(view("conf_gbs", "f64", () => "no error"));
return r;
