// pyodide.ffi's typed PyProxy classes, as in Pyodide: instanceof answers by
// what the Python object can do (a list is a PyMutableSequence, a dict a
// PyDict, len a PyCallable, a generator a PyGenerator, getBuffer() a
// PyBufferView), and nothing that is not a PyProxy is one.
// Deliberate difference from Pyodide (docs/porting-from-pyodide.md): Pyodide
// calls a tuple a PyMutableSequence too; here only a sequence with item
// assignment is one.
// expect: ["PyProxy,PyProxyWithLength,PyProxyWithGet,PyProxyWithSet,PyProxyWithHas,PyIterable,PySequence,PyMutableSequence", "PyProxy,PyProxyWithLength,PyProxyWithGet,PyProxyWithHas,PyIterable,PySequence", "PyProxy,PyProxyWithLength,PyProxyWithGet,PyProxyWithSet,PyProxyWithHas,PyDict,PyIterable", "PyProxy,PyCallable", "PyProxy,PyIterable,PyIterator,PyGenerator", "PyBufferView", ""]
const ffi = py.pyodide?.ffi ?? py.ffi;
const names = Object.keys(ffi).filter((k) => typeof ffi[k] === "function" && k.startsWith("Py") && k !== "PythonError");
const kinds = (x) => names.filter((k) => x instanceof ffi[k]).join(",");
const objs = ["[1, 2]", "(1, 2)", "{1: 2}", "len", "(x for x in [1])"].map((c) => py.runPython(c));
const b = py.runPython("b'ab'");
const view = b.getBuffer();
try {
  return [...objs.map(kinds), kinds(view), kinds({ length: 1, get() {} })];
} finally {
  view.release();
  b.destroy();
  for (const o of objs) o.destroy();
}
