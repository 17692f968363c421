// Python exhausting the wasm memory. The module declares no maximum, so the
// engine's 4 GiB limit for a 32-bit memory applies. It runs in a second
// runtime: linear memory never shrinks, and a shared runtime left at ~4 GiB
// would starve later cases (getbuffer_memory_grow allocates its size again).
// Filling 4 GiB with real bytes would take ~9 s and as much resident memory,
// so the memory is reserved without being touched: list() preallocates what
// an iterator's __length_hint__ announces, and the iterator's __next__
// nests another such list() while the first reservation is held (about
// 1.5 GiB each). The third one cannot fit: MemoryError, caught in Python;
// uncaught, a PythonError of type MemoryError in JS, also from a PyProxy
// call. bytearray(3 * 2**30) is not even a MemoryError on wasm32: 3 GiB does
// not fit Py_ssize_t (OverflowError). Afterwards the runtime works, a
// 32 MiB allocation succeeds, and its handle tables are back where they were.
// expect: ["OverflowError", "MemoryError", ["PythonError", "MemoryError", true], ["PythonError", "MemoryError", true], 42, 33554432, 0, 0]
const B = await ctx.loadPython();
B.runPython(`
class ConfFmHold:
    """Iterates once, announcing \`n\` items: list() reserves n pointers first."""
    def __init__(self, n, inner): self.n = n; self.inner = inner
    def __iter__(self): return self
    def __length_hint__(self): return self.n
    def __next__(self):
        if self.inner is not None:
            inner, self.inner = self.inner, None
            return list(inner)
        raise StopIteration
def conf_fm_exhaust():
    n = 3 * 2**27  # 1.5 GiB of 4-byte pointers, untouched
    return list(ConfFmHold(n, ConfFmHold(n, ConfFmHold(n, None))))
def conf_fm_err(f):
    try:
        f()
        return "no error"
    except Exception as e:
        return type(e).__name__
`);
void B.globals; // made once and kept by the runtime
const before = B.liveHandles();
const r = [B.runPython("conf_fm_err(lambda: bytearray(3 * 2**30))"), B.runPython("conf_fm_err(conf_fm_exhaust)")];
const described = (e) => [e?.name, e?.type, e instanceof ctx.PythonError && e.message.trimEnd().endsWith("MemoryError")];
try {
  B.runPython("conf_fm_exhaust()");
  r.push("no error");
} catch (e) {
  r.push(described(e));
}
const f = B.globals.get("conf_fm_exhaust");
try {
  f();
  r.push("no error");
} catch (e) {
  r.push(described(e));
} finally {
  f.destroy();
}
r.push(B.runPython("6 * 7"), B.runPython("len(bytes(32 << 20))"));
// The PythonErrors above hold their exceptions until collected.
let after = B.liveHandles();
for (let i = 0; i < 20 && (after.js !== before.js || after.py !== before.py); i++) {
  B.runPython("__import__('gc').collect()");
  await ctx.gc();
  after = B.liveHandles();
}
r.push(after.js - before.js, after.py - before.py);
return r;
