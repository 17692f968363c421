// The bytes of JS buffers (typed arrays, DataView, ArrayBuffer) for Python:
// bridge-js/src/host/buffer.rs. Python's memory is the module's linear memory,
// so every copy is one TypedArray.prototype.set into or out of it.

function arrayBufferOf(v) {
  return ArrayBuffer.isView(v) ? v.buffer : v;
}

function isDetached(v) {
  const ab = arrayBufferOf(v);
  if (typeof ab.detached === "boolean") return ab.detached;
  try {
    new Uint8Array(ab, 0, 0);
    return false;
  } catch {
    return true;
  }
}

function refuseDetached(v) {
  if (isDetached(v)) throw new TypeError("Cannot copy the bytes of a detached ArrayBuffer (it was transferred away)");
}

/** A Uint8Array over exactly the bytes `v` covers. */
function bytesOf(v) {
  refuseDetached(v);
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  return new Uint8Array(v);
}

export function bufferHooks(runtime) {
  const memory = (ptr, len) => new Uint8Array(runtime.mem.memory.buffer, ptr, len);
  return {
    bufferInfo(v) {
      const detached = isDetached(v);
      const kind = ArrayBuffer.isView(v) && !(v instanceof DataView) ? v[Symbol.toStringTag] : "";
      return [kind, detached ? 0 : v.byteLength, detached];
    },
    bufferRead(v, ptr, len) {
      const src = bytesOf(v); // detached: TypeError, as Pyodide's copies give
      if (src.length < len) throw new RangeError(`the JS buffer has ${src.length} bytes, not ${len}`);
      memory(ptr, len).set(len === src.length ? src : src.subarray(0, len));
    },
    bufferWrite(v, offset, ptr, len) {
      const dst = bytesOf(v);
      if (offset + len > dst.length) {
        throw new RangeError(`cannot write ${len} bytes at byte ${offset} of a JS buffer of ${dst.length} bytes`);
      }
      dst.set(memory(ptr, len), offset);
    },
    bufferMerge(v, offset, oldPtr, newPtr, len) {
      const dst = bytesOf(v);
      if (offset + len > dst.length) {
        throw new RangeError(
          `the JS buffer shrank to ${dst.length} bytes; the bytes changed through the memoryview (up to byte ${offset + len}) were not written back`,
        );
      }
      const before = memory(oldPtr, len);
      const after = memory(newPtr, len);
      for (let i = 0; i < len; i++) {
        if (before[i] !== after[i]) dst[offset + i] = after[i];
      }
    },
    bufferDecode(v, encoding) {
      if (isDetached(v)) return ""; // as in Pyodide: no bytes, an empty string
      let bytes = bytesOf(v);
      // TextDecoder refuses views of a SharedArrayBuffer.
      if (typeof SharedArrayBuffer !== "undefined" && bytes.buffer instanceof SharedArrayBuffer) bytes = bytes.slice();
      const decoder = new TextDecoder(encoding ?? "utf-8", { fatal: true, ignoreBOM: true }); // an unknown label throws RangeError
      try {
        return decoder.decode(bytes);
      } catch {
        return null; // not valid in the encoding: Python raises ValueError
      }
    },
  };
}
