// `proxy.getBuffer(type?)`: a zero-copy view of a Python buffer (bytes,
// bytearray, memoryview, array.array, anything with the buffer protocol), as
// Pyodide's PyBufferView. The Python side holds the buffer (so its memory
// stays put) until `release()`.
//
// Growing the wasm memory detaches every typed array over the old memory
// buffer. `data` is therefore a getter: it rebuilds the typed array over the
// current memory whenever the memory has grown, so a view held across a
// growth stays correct (a typed array taken out of it earlier does not; read
// `view.data` again).

const BY_TYPE = {
  i8: Int8Array,
  u8: Uint8Array,
  u8clamped: Uint8ClampedArray,
  i16: Int16Array,
  u16: Uint16Array,
  i32: Int32Array,
  u32: Uint32Array,
  i64: typeof BigInt64Array === "function" ? BigInt64Array : undefined,
  u64: typeof BigUint64Array === "function" ? BigUint64Array : undefined,
  f32: Float32Array,
  f64: Float64Array,
  dataview: DataView,
};

const BY_CODE = { b: "i8", B: "u8", c: "u8", "?": "u8", h: "i16", H: "u16", i: "i32", I: "u32", l: "i32", L: "u32", n: "i32", N: "u32", q: "i64", Q: "u64", f: "f32", d: "f64" };

/** The default view type of a `struct` format, or undefined. */
function typeOfFormat(format) {
  let f = format;
  if (f.length > 1 && "@=<".includes(f[0])) f = f.slice(1);
  else if (f.length > 1 && ">!".includes(f[0])) return undefined; // big-endian: only a DataView reads it right
  if (f.length === 2 && f[0] === "1") f = f.slice(1);
  return BY_CODE[f];
}

export class PyBufferView {
  constructor(runtime, info, type) {
    const [id, start, lo, hi, itemsize, readonly, format, shape, strides] = info;
    this._runtime = runtime;
    this._id = id;
    this._first = start + lo; // lowest address touched
    this._nbytes = hi - lo;
    this.itemsize = itemsize;
    this.format = format;
    this.shape = shape;
    this.ndim = shape.length;
    // The bytes the view spans, from the lowest to the highest touched (as in Pyodide).
    this.nbytes = hi - lo;
    this.released = false;
    const name = type ?? typeOfFormat(format);
    const Ctor = BY_TYPE[name];
    if (Ctor === undefined) {
      this.release();
      if (type !== undefined) throw new Error(`Unknown type ${type}`);
      throw new Error(
        /^[>!]/.test(format)
          ? "JavaScript has no native support for big endian buffers. Pass an explicit type: getBuffer('dataview') returns a DataView, which reads big endian data; toJs() converts the buffer to little endian."
          : `getBuffer: no typed array reads the format ${JSON.stringify(format)}; ask for getBuffer("dataview")`,
      );
    }
    const unit = Ctor === DataView ? 1 : Ctor.BYTES_PER_ELEMENT;
    if (this._first % unit !== 0 || this._nbytes % unit !== 0) {
      this.release();
      throw new Error(`Buffer does not have valid alignment for a ${Ctor.name}`);
    }
    this._ctor = Ctor;
    this._unit = unit;
    this.offset = lo === 0 ? 0 : -lo / unit;
    this.strides = strides.map((s) => s / unit);
    // 1/0, as Pyodide has them
    this.c_contiguous = contiguous(shape, strides, itemsize, false) ? 1 : 0;
    this.f_contiguous = contiguous(shape, strides, itemsize, true) ? 1 : 0;
    this.readonly = readonly ? 1 : 0;
    this._memory = undefined;
    this._data = undefined;
  }

  /** A typed array (or DataView) over the bytes, in wasm memory: no copy. */
  get data() {
    if (this.released) return undefined; // released: no data (as in Pyodide)
    const memory = this._runtime.mem.memory.buffer;
    if (this._memory !== memory) {
      this._data = this._ctor === DataView ? new DataView(memory, this._first, this._nbytes) : new this._ctor(memory, this._first, this._nbytes / this._unit);
      this._memory = memory;
    }
    return this._data;
  }

  /** Let Python have its buffer back (it may be resized or freed after). Releasing twice does nothing. */
  release() {
    if (this.released) return;
    this.released = true;
    this._data = undefined;
    this._runtime.glue.py_buffer_release(this._id);
  }

  [Symbol.dispose]() {
    this.release();
  }
}

function contiguous(shape, strides, itemsize, fortran) {
  if (shape.some((n) => n === 0)) return true;
  let expect = itemsize;
  const order = fortran ? shape.map((_, i) => i) : shape.map((_, i) => shape.length - 1 - i);
  for (const i of order) {
    if (shape[i] !== 1 && strides[i] !== expect) return false;
    expect *= shape[i];
  }
  return true;
}
