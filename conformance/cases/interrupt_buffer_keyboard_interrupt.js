// setInterruptBuffer, as in Pyodide: Python polls buffer[0] while it runs and
// turns a 2 (SIGINT) into KeyboardInterrupt, clearing the buffer. Here the
// interrupt arrives in the middle of a JS→Python call (a JS callback writes
// it, as another thread would through a SharedArrayBuffer); the call throws a
// PythonError of type KeyboardInterrupt and the runtime stays usable. With the
// buffer back at 0 the same loop runs to its end.
// expect: ["KeyboardInterrupt", 0, 42, 5000]
const shared = typeof SharedArrayBuffer === "function" && globalThis.crossOriginIsolated !== false;
const buf = new Int32Array(shared ? new SharedArrayBuffer(4) : new ArrayBuffer(4));
py.setInterruptBuffer(buf);
globalThis.confIntTrigger = () => {
  buf[0] = 2;
};
py.runPython(`
from js import confIntTrigger
def conf_int_loop(n, trigger_at):
    i = 0
    while i < n:
        i += 1
        if i == trigger_at:
            confIntTrigger()
    return i
`);
const f = py.globals.get("conf_int_loop");
try {
  let type;
  try {
    f(10 ** 9, 1000);
  } catch (e) {
    type = e instanceof ctx.PythonError ? e.type : `${e?.name}: ${e?.message}`;
  }
  const left = buf[0];
  const health = py.runPython("6 * 7");
  const full = f(5000, -1);
  return [type, left, health, full];
} finally {
  f.destroy();
  py.setInterruptBuffer(undefined);
  delete globalThis.confIntTrigger;
}
