// A JS error that passes through Python uncaught comes out of runPython as the
// very same JS object (Pyodide does this too), not a PythonError wrapping it.
// expect: [true, "TypeError", "boom"]
const err = new TypeError("boom");
globalThis.confThrowSame = () => {
  throw err;
};
let caught;
try {
  py.runPython("from js import confThrowSame\nconfThrowSame()");
} catch (e) {
  caught = e;
} finally {
  delete globalThis.confThrowSame;
}
return [caught === err, caught?.name, caught?.message];
