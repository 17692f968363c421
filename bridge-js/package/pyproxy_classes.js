// Pyodide's typed PyProxy classes (`ffi.PyCallable`, `ffi.PyDict`…): every
// PyProxy is one object kind (an ES Proxy), so these are `instanceof` tests
// on the object's capability flags (PY_FLAGS, from its Python type's slots),
// as Pyodide's answer for the same objects.

import { PY_FLAGS as F } from "./flags.js";
import { PyProxy, pyProxyFlags } from "./pyproxy.js";

function kind(name, test) {
  const K = class extends PyProxy {
    static [Symbol.hasInstance](obj) {
      const flags = pyProxyFlags(obj);
      return flags !== undefined && test(flags);
    }
  };
  Object.defineProperty(K, "name", { value: name });
  return K;
}

const all = (bits) => (flags) => (flags & bits) === bits;

export const PyProxyWithLength = kind("PyProxyWithLength", all(F.len));
export const PyProxyWithGet = kind("PyProxyWithGet", all(F.getitem));
export const PyProxyWithSet = kind("PyProxyWithSet", all(F.setitem));
export const PyProxyWithHas = kind("PyProxyWithHas", all(F.contains));
export const PyDict = kind("PyDict", all(F.dict));
export const PyIterable = kind("PyIterable", all(F.iter));
export const PyAsyncIterable = kind("PyAsyncIterable", all(F.asyncIter));
export const PyIterator = kind("PyIterator", all(F.next));
export const PyAsyncIterator = kind("PyAsyncIterator", all(F.asyncNext));
export const PyGenerator = kind("PyGenerator", all(F.generator));
export const PyAsyncGenerator = kind("PyAsyncGenerator", all(F.asyncGenerator));
export const PyAwaitable = kind("PyAwaitable", all(F.await));
export const PyCallable = kind("PyCallable", all(F.call));
export const PyBuffer = kind("PyBuffer", all(F.buffer));
export const PySequence = kind("PySequence", all(F.sequence));
export const PyMutableSequence = kind("PyMutableSequence", all(F.sequence | F.setitem));

export const TYPED_PYPROXIES = {
  PyProxyWithLength,
  PyProxyWithGet,
  PyProxyWithSet,
  PyProxyWithHas,
  PyDict,
  PyIterable,
  PyAsyncIterable,
  PyIterator,
  PyAsyncIterator,
  PyGenerator,
  PyAsyncGenerator,
  PyAwaitable,
  PyCallable,
  PyBuffer,
  PySequence,
  PyMutableSequence,
};
