// isinstance of JsProxies against the pyodide.ffi classes and collections.abc
// (as in Pyodide). Rows: array, Map, Set, generator, function, plain object.
// Columns: JsProxy, JsArray, JsMap, JsIterable, JsIterator, JsGenerator,
// JsCallable; then Sequence, MutableSequence, Mapping, MutableMapping,
// Iterable, Iterator, Sized, Callable. (A Set is only a JsIterable, not an
// abc Set; a plain object is only a JsProxy.)
// expect: [[true, true, false, true, false, false, false, true, true, false, false, true, false, true, false], [true, false, true, true, false, false, false, false, false, true, true, true, false, true, false], [true, false, false, true, false, false, false, false, false, false, false, true, false, true, false], [true, false, false, true, true, true, false, false, false, false, false, true, true, false, false], [true, false, false, false, false, false, true, false, false, false, false, false, false, false, true], [true, false, false, false, false, false, false, false, false, false, false, false, false, false, false]]
globalThis.confFamArr = [1, 2];
globalThis.confFamMap = new Map([["a", 1]]);
globalThis.confFamSet = new Set([1]);
globalThis.confFamGenFn = function* () { yield 1; };
globalThis.confFamFn = function () {};
globalThis.confFamObj = { a: 1 };
return JSON.parse(py.runPython(`
import json, collections.abc
from pyodide.ffi import JsProxy, JsArray, JsMap, JsIterable, JsIterator, JsGenerator, JsCallable
from js import confFamArr, confFamMap, confFamSet, confFamGenFn, confFamFn, confFamObj
conf_classes = [JsProxy, JsArray, JsMap, JsIterable, JsIterator, JsGenerator, JsCallable]
conf_classes += [getattr(collections.abc, n) for n in
                 ["Sequence", "MutableSequence", "Mapping", "MutableMapping", "Iterable", "Iterator", "Sized", "Callable"]]
conf_gen = confFamGenFn()
json.dumps([[isinstance(v, c) for c in conf_classes]
            for v in [confFamArr, confFamMap, confFamSet, conf_gen, confFamFn, confFamObj]])
`));
