// checkInterrupt(), as in Pyodide: JS code running for Python (a long JS
// callback) calls it to deliver a pending interrupt; it throws the
// KeyboardInterrupt, which reaches Python as the KeyboardInterrupt itself
// (caught there by `except KeyboardInterrupt`). With nothing pending it does
// nothing. Bad buffers are refused with a TypeError naming what was wrong.
// Deliberate difference from Pyodide (docs/porting-from-pyodide.md): Pyodide
// accepts any value as the buffer ("x", a Float64Array, an empty array) and
// then never interrupts; here those are a TypeError.
// expect: ["nothing pending", "caught KeyboardInterrupt", 0, "TypeError", "TypeError", "TypeError"]
const buf = new Int32Array(new ArrayBuffer(4));
py.setInterruptBuffer(buf);
globalThis.confCheckIdle = () => {
  py.checkInterrupt();
  return "nothing pending";
};
globalThis.confCheckBusy = () => {
  buf[0] = 2;
  py.checkInterrupt();
  return "not interrupted";
};
const refused = (v) => {
  try {
    py.setInterruptBuffer(v);
    return "accepted";
  } catch (e) {
    return e instanceof TypeError && /setInterruptBuffer/.test(e.message) ? e.name : `${e?.name}: ${e?.message}`;
  }
};
try {
  const idle = py.runPython("from js import confCheckIdle\nconfCheckIdle()");
  const busy = py.runPython(`
from js import confCheckBusy
try:
    r = confCheckBusy()
except KeyboardInterrupt as e:
    r = "caught " + type(e).__name__
r
`);
  return [idle, busy, buf[0], refused("x"), refused(new Float64Array(1)), refused(new Int32Array(0))];
} finally {
  py.setInterruptBuffer(undefined);
  delete globalThis.confCheckIdle;
  delete globalThis.confCheckBusy;
}
