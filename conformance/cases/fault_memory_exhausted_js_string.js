// A JS string crossing into Python when the wasm memory is nearly full is a
// MemoryError like any Python allocation, not a trap. Python fills the
// memory (a second runtime, as in fault_memory_exhausted.js: reserved, not
// touched) until less than 4 MiB is left, then, still holding it all:
// pulls a 4 Mi-character string from JS (a MemoryError in Python, caught),
// and has JS pass such a string to a Python function (a RangeError in JS
// naming the memory, caught). A short string still crosses both ways. Then
// everything is let go and the runtime is as before: usable, crossing depth
// 0, no frames left behind, handle tables back. The bridge used to allocate
// the string's buffer infallibly, so the allocator's failure aborted:
// "RuntimeError: unreachable", a trap that left a crossing counted, Python
// frames on the stack and handles leaked.
// expect: [["MemoryError", true], ["RangeError", true], ["short", 5], 42, 0, 0, 0, 0]
const C = await ctx.loadPython();
globalThis.confFmsBig = () => "x".repeat(4 << 20);
globalThis.confFmsShort = () => "short";
const pyTakes = C.runPython("lambda s: len(s)");
globalThis.confFmsPush = () => {
  try {
    return ["no error", pyTakes("y".repeat(4 << 20))];
  } catch (e) {
    return [e?.name, /memory/i.test(String(e?.message))];
  }
};
globalThis.confFmsShortPush = () => pyTakes("12345");
try {
  C.runPython(`
import js
class ConfFmsHold:
    def __init__(self, n, then): self.n = n; self.then = then
    def __iter__(self): return self
    def __length_hint__(self): return self.n
    def __next__(self):
        if self.then is not None:
            f, self.then = self.then, None
            return f()
        raise StopIteration
def conf_fms_fill(n, action):
    """Reserve n pointers and recurse while holding them; halve n on
    MemoryError, down to 1 MiB pointers (4 MiB); then run action."""
    while n >= 1 << 20:
        try:
            return list(ConfFmsHold(n, lambda: conf_fms_fill(n, action)))[0]
        except MemoryError:
            n //= 2
    return action()
def conf_fms_pull():
    try:
        s = js.confFmsBig()
        pulled = ["no error", len(s)]
    except MemoryError as e:
        pulled = ["MemoryError", True]
    except BaseException as e:
        pulled = [type(e).__name__, str(e)]
    return [pulled, list(js.confFmsPush()), [js.confFmsShort(), js.confFmsShortPush()]]
`);
  void C.globals;
  const before = C.liveHandles();
  const depth0 = C.runPython("len(__import__('traceback').extract_stack())");
  let r;
  try {
    r = C.runPython("conf_fms_fill(3 * 2**27, conf_fms_pull)").toJs();
  } catch (e) {
    r = [[e?.name, e?.type, String(e?.message).slice(0, 200)]];
  }
  r.push(C.runPython("6 * 7"), C.crossingDepth().depth, C.runPython("len(__import__('traceback').extract_stack())") - depth0);
  let after = C.liveHandles();
  for (let i = 0; i < 20 && (after.js !== before.js || after.py !== before.py); i++) {
    C.runPython("__import__('gc').collect()");
    await ctx.gc();
    after = C.liveHandles();
  }
  r.push(after.js - before.js, after.py - before.py);
  return r;
} finally {
  pyTakes.destroy();
}
