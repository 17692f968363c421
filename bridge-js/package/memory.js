// The runtime's views of wasm linear memory: the scratch area (bridge-js/src/scratch.rs)
// and strings through memory (bridge-js/src/strings.rs). Views are remade when
// memory grows (a grown memory detaches the old buffer: its views read length 0).

const encoder = new TextEncoder();
/** fromCharCode.apply takes at most this many arguments at once, whatever the string's length. */
const CHUNK = 8192;

export class Memory {
  constructor(memory) {
    this.memory = memory;
    this.f64Addr = 0;
    this.bytesAddr = 0;
    this.bytesCap = 0;
    this._f64 = new Float64Array(0);
    this._bytes = new Uint8Array(0);
  }

  setScratch(f64Addr, bytesAddr, bytesCap) {
    this.f64Addr = f64Addr;
    this.bytesAddr = bytesAddr;
    this.bytesCap = bytesCap;
    this._f64 = new Float64Array(0);
  }

  /** The scratch number slots. */
  f64() {
    if (this._f64.length === 0) this._f64 = new Float64Array(this.memory.buffer, this.f64Addr, 4);
    return this._f64;
  }

  /** The scratch string bytes. */
  bytes() {
    if (this._bytes.byteLength === 0) this._bytes = new Uint8Array(this.memory.buffer, this.bytesAddr, this.bytesCap);
    return this._bytes;
  }

  /**
   * Leave a string for Rust (strings.rs, `from_js`): short and well-formed as
   * UTF-8 in the scratch bytes (slot 0 = byte length); otherwise slot 0 = -1,
   * slot 1 = UTF-16 length, slot 2 = well-formed, and Rust asks copyUtf16.
   */
  stringOut(s) {
    const f = this.f64();
    const wellFormed = s.isWellFormed();
    if (wellFormed && s.length * 3 <= this.bytesCap) {
      f[0] = encoder.encodeInto(s, this.bytes()).written;
      return;
    }
    f[0] = -1;
    f[1] = s.length;
    f[2] = wellFormed ? 1 : 0;
  }

  copyUtf16(s, ptr, len) {
    const u16 = new Uint16Array(this.memory.buffer, ptr, len);
    for (let i = 0; i < len; i++) u16[i] = s.charCodeAt(i);
  }

  utf16ToString(ptr, len) {
    const u16 = new Uint16Array(this.memory.buffer, ptr, len);
    if (len <= CHUNK) return String.fromCharCode.apply(null, u16);
    const parts = [];
    for (let i = 0; i < len; i += CHUNK) parts.push(String.fromCharCode.apply(null, u16.subarray(i, i + CHUNK)));
    return parts.join("");
  }
}
