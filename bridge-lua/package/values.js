// Values between JS and the Lua module: bridge_value_t records in linear
// memory (layout in docs/c-abi.md), read and written with a DataView.
//
// Strings cross as WTF-8 bytes, converted by the core's codecs
// (bridge_utf16_to_wtf8 / bridge_wtf8_to_utf16), so lone surrogates and
// astral characters survive both ways and any length works.

export const TAG = Object.freeze({
  UNDEFINED: 0,
  NULL: 1,
  BOOL: 2,
  INT: 3,
  BIGINT: 4,
  FLOAT: 5,
  STRING: 6,
  BUFFER: 7,
  HANDLE: 8,
});

// Offsets inside a record (wasm32), checked against bridge_value_layout at load.
export const OFF = Object.freeze({ tag: 0, flags: 4, payload: 8, ptr: 8, len: 12, table: 8, key: 16 });

const CHUNK = 8192;
const TWO_32 = 2 ** 32;

/** Memory access that survives memory growth. */
export class Memory {
  constructor(memory, exports) {
    this.memory = memory;
    this.ex = exports;
    this.buffer = null;
    this.refresh();
  }

  refresh() {
    if (this.buffer !== this.memory.buffer) {
      this.buffer = this.memory.buffer;
      this.dv = new DataView(this.buffer);
      this.u8 = new Uint8Array(this.buffer);
    }
    return this;
  }

  alloc(n) {
    const p = this.ex.ljs_alloc(n);
    if (p === 0) throw new RangeError(`out of memory: the Lua module could not allocate ${n} bytes`);
    return p;
  }

  free(p) {
    if (p) this.ex.ljs_free(p);
  }

  readU64(p) {
    const dv = this.refresh().dv;
    return dv.getUint32(p + 4, true) * TWO_32 + dv.getUint32(p, true);
  }

  writeU64(p, x) {
    const dv = this.refresh().dv;
    dv.setUint32(p, x % TWO_32, true);
    dv.setUint32(p + 4, Math.floor(x / TWO_32), true);
  }

  /** A JS string as WTF-8 bytes in a fresh allocation: [ptr, len]. */
  encodeString(s) {
    const n = s.length;
    let ascii = true;
    for (let i = 0; i < n; i++) {
      if (s.charCodeAt(i) > 0x7f) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      const p = this.alloc(n);
      const u8 = this.refresh().u8;
      for (let i = 0; i < n; i++) u8[p + i] = s.charCodeAt(i);
      return [p, n];
    }
    const units = this.alloc(2 * n);
    const cap = 3 * n;
    const dst = this.alloc(cap);
    const outLen = this.alloc(8);
    try {
      const u16 = new Uint16Array(this.refresh().buffer, units, n);
      for (let i = 0; i < n; i++) u16[i] = s.charCodeAt(i);
      const st = this.ex.bridge_utf16_to_wtf8(units, n, dst, cap, outLen);
      if (st !== 0) throw this.bridgeError("encoding a JS string for Lua", st);
      return [dst, this.refresh().dv.getUint32(outLen, true)];
    } catch (e) {
      this.free(dst);
      throw e;
    } finally {
      this.free(units);
      this.free(outLen);
    }
  }

  /** WTF-8 bytes at [p, p + len) as a JS string. */
  decodeString(p, len) {
    if (len === 0) return "";
    const u8 = this.refresh().u8;
    let ascii = true;
    for (let i = 0; i < len; i++) {
      if (u8[p + i] > 0x7f) {
        ascii = false;
        break;
      }
    }
    if (ascii) return chunked(u8.subarray(p, p + len));
    const dst = this.alloc(2 * len);
    const outLen = this.alloc(8);
    try {
      const st = this.ex.bridge_wtf8_to_utf16(p, len, dst, len, outLen);
      if (st !== 0) throw this.bridgeError("decoding a Lua string", st);
      const n = this.refresh().dv.getUint32(outLen, true);
      return chunked(new Uint16Array(this.buffer, dst, n));
    } finally {
      this.free(dst);
      this.free(outLen);
    }
  }

  /** The core's last error as a JS error of the class the ABI names. */
  bridgeError(what, status) {
    const cap = 512;
    const buf = this.alloc(cap);
    try {
      const n = this.ex.bridge_last_error_message(buf, cap);
      const msg = this.decodeString(buf, Math.min(n, cap - 1));
      const cls = this.cString(this.ex.bridge_status_js_class(status));
      const Ctor = { TypeError, RangeError, SyntaxError }[cls] ?? Error;
      return new Ctor(`${what}: ${msg}`);
    } finally {
      this.free(buf);
    }
  }

  cString(p) {
    const u8 = this.refresh().u8;
    let e = p;
    while (u8[e] !== 0) e++;
    return chunked(u8.subarray(p, e));
  }
}

function chunked(units) {
  if (units.length <= CHUNK) return String.fromCharCode.apply(null, units);
  let s = "";
  for (let i = 0; i < units.length; i += CHUNK) s += String.fromCharCode.apply(null, units.subarray(i, i + CHUNK));
  return s;
}

/** Signed little-endian two's complement bytes of a BigInt, minimal length. */
export function bigintBytes(n) {
  const out = [];
  for (;;) {
    const byte = Number(BigInt.asUintN(8, n));
    n >>= 8n;
    out.push(byte);
    const sign = byte & 0x80;
    if ((n === 0n && !sign) || (n === -1n && sign)) return out;
  }
}

export function bytesBigint(u8) {
  let n = 0n;
  for (let i = u8.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(u8[i]);
  return BigInt.asIntN(8 * u8.length, n);
}
