// The runtime's views of wasm linear memory: the scratch area (bridge-js/src/scratch.rs)
// and strings through memory (bridge-js/src/strings.rs). Views are remade when
// memory grows (a grown memory detaches the old buffer: its views read length 0).

import { SCRATCH } from "./flags.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: false });
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
    this._heap = new Uint8Array(0);
  }

  /** All of linear memory as bytes. */
  heap() {
    if (this._heap.byteLength === 0) this._heap = new Uint8Array(this.memory.buffer);
    return this._heap;
  }

  /** The UTF-8 string of `len` bytes at `ptr` (Rust's, valid UTF-8). */
  utf8(ptr, len) {
    const heap = this.heap();
    if (len <= 16) {
      let s = "";
      for (let i = 0; i < len; i++) {
        const c = heap[ptr + i];
        if (c >= 0x80) return decoder.decode(heap.subarray(ptr, ptr + len));
        s += String.fromCharCode(c);
      }
      return s;
    }
    return decoder.decode(heap.subarray(ptr, ptr + len));
  }

  setScratch(f64Addr, bytesAddr, bytesCap) {
    this.f64Addr = f64Addr;
    this.bytesAddr = bytesAddr;
    this.bytesCap = bytesCap;
    this._f64 = new Float64Array(0);
  }

  /** The scratch number slots. */
  f64() {
    if (this._f64.length === 0) this._f64 = new Float64Array(this.memory.buffer, this.f64Addr, SCRATCH.f64Slots);
    return this._f64;
  }

  /** The scratch string bytes. */
  bytes() {
    if (this._bytes.byteLength === 0) this._bytes = new Uint8Array(this.memory.buffer, this.bytesAddr, this.bytesCap);
    return this._bytes;
  }

  /**
   * Leave a string for Rust (strings.rs, `from_js`) in the value slot at
   * `base`: short and well-formed as UTF-8 in the scratch bytes from `offset`
   * (slot base = byte length, base+1 = offset); otherwise base = -1, base+1 =
   * UTF-16 length, base+2 = well-formed, and Rust asks copyUtf16. Returns the
   * bytes used.
   */
  stringOut(s, base, offset) {
    const f = this.f64();
    const n = s.length;
    if (n <= 32 && offset + n <= this.bytesCap) {
      // Short ASCII, the common case: a loop beats encodeInto's set-up.
      const bytes = this.bytes();
      let i = 0;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) break;
        bytes[offset + i] = c;
      }
      if (i === n) {
        f[base] = n;
        f[base + 1] = offset;
        return n;
      }
    }
    const wellFormed = s.isWellFormed();
    if (wellFormed && s.length * 3 <= this.bytesCap - offset) {
      const bytes = this.bytes();
      const written = encoder.encodeInto(s, offset === 0 ? bytes : bytes.subarray(offset)).written;
      f[base] = written;
      f[base + 1] = offset;
      return written;
    }
    f[base] = -1;
    f[base + 1] = s.length;
    f[base + 2] = wellFormed ? 1 : 0;
    return 0;
  }

  copyUtf8(s, ptr, cap) {
    return encoder.encodeInto(s, new Uint8Array(this.memory.buffer, ptr, cap)).written;
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
