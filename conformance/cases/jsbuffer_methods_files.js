// JsBuffer file methods on files in Python's own filesystem (/tmp; MEMFS in
// Pyodide), as in Pyodide. to_file(f) writes all the buffer's bytes at the
// file's position (returns None; a view writes only its window, an
// Int16Array its element bytes, a text-mode file works too); from_file(f)
// reads byteLength bytes from the position into the buffer, advancing it; a
// short read fills only what was read (the rest keeps its old bytes), at EOF
// nothing changes; _into_file(f) makes the file's contents the buffer's bytes
// (Pyodide: without a copy, canOwn; the JS array still reads the same
// afterwards, and in MEMFS shares storage with the file until it grows).
// They use f.fileno() and write to the descriptor directly, so the case uses
// unbuffered files. A file object without a descriptor (io.BytesIO) raises
// io.UnsupportedOperation "fileno".
// expect: [[null, 4, "686900ff"], "686900ff0100020021", "686579", [[104, 105, 0], 3], [[255, 1, 0], 6], [[2, 0, 33], 9], [[2, 0, 33], 9], [[104, 105, 0, 255, 1, 0, 2, 0, 33, 0], 9], [[26984, -256], 4], [null, "070809", [7, 8, 9]], "0102", "0100020000", ["UnsupportedOperation", "UnsupportedOperation", "UnsupportedOperation"]]
globalThis.confFi = {
  u: new Uint8Array([104, 105, 0, 255]),
  i16: new Int16Array([1, 2]),
  text: new TextEncoder().encode("hey"),
  dst: new Uint8Array(3),
  big: new Uint8Array(10),
  d16: new Int16Array(2),
  src: new Uint8Array([7, 8, 9]),
  sub: new Uint8Array([0, 1, 2, 3, 4]).subarray(1, 3),
  w16: new Int16Array([1, 2]),
};
const r = py.runPython(`
import json, io, os
from js import confFi as t
res = []
with open("/tmp/conf_fi_a.bin", "wb", buffering=0) as f:
    res.append([t.u.to_file(f), f.tell(), open("/tmp/conf_fi_a.bin", "rb").read().hex()])
    t.i16.to_file(f)
    f.write(b"!")
res.append(open("/tmp/conf_fi_a.bin", "rb").read().hex())
with open("/tmp/conf_fi_t.txt", "w") as f:
    t.text.to_file(f)
res.append(open("/tmp/conf_fi_t.txt", "rb").read().hex())
with open("/tmp/conf_fi_a.bin", "rb", buffering=0) as f:
    for _ in range(4):
        t.dst.from_file(f)
        res.append([list(t.dst), f.tell()])
with open("/tmp/conf_fi_a.bin", "rb", buffering=0) as f:
    t.big.from_file(f)
    res.append([list(t.big), f.tell()])
with open("/tmp/conf_fi_a.bin", "rb", buffering=0) as f:
    t.d16.from_file(f)
    res.append([list(t.d16), f.tell()])
with open("/tmp/conf_fi_i.bin", "wb", buffering=0) as f:
    r0 = t.src._into_file(f)
res.append([r0, open("/tmp/conf_fi_i.bin", "rb").read().hex(), list(t.src)])
with open("/tmp/conf_fi_j.bin", "wb", buffering=0) as f:
    t.sub._into_file(f)
res.append(open("/tmp/conf_fi_j.bin", "rb").read().hex())
with open("/tmp/conf_fi_k.bin", "wb", buffering=0) as f:
    t.w16.to_file(f)
    f.write(b"\\x00")
res.append(open("/tmp/conf_fi_k.bin", "rb").read().hex())
def conf_err(fn):
    try:
        fn()
        return "no error"
    except Exception as e:
        return type(e).__name__
res.append([conf_err(lambda: t.u.to_file(io.BytesIO())), conf_err(lambda: t.dst.from_file(io.BytesIO(b"abc"))),
            conf_err(lambda: t.src._into_file(io.BytesIO()))])
for n in ("a.bin", "t.txt", "i.bin", "j.bin", "k.bin"):
    os.remove("/tmp/conf_fi_" + n)
del t, f, r0
json.dumps(res)
`);
delete globalThis.confFi;
return JSON.parse(r);
