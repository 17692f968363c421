// Which pyodide.ffi map types a JS value gets (as in Pyodide: JsMap needs a
// get method, a numeric size (or length) and Symbol.iterator; JsMutableMap
// also a set method; `has` is not required). A Map is JsMap and
// JsMutableMap (and abc.Mapping / MutableMapping). A read-only map-like
// (get/has/size/keys + Symbol.iterator, no set) is JsMap and abc.Mapping
// only: len, iteration (via Symbol.iterator), m[k] (via get), KeyError (via
// has), in, items(), dict(m) work, m[k] = v is a TypeError. With a set
// method too it is a JsMutableMap and m[k] = v calls set. Without
// Symbol.iterator it is none of them; a plain object is none of them;
// as_object_map() is both.
// expect: [[true, true, true, true], [true, false, true, false], [2, ["a", "b"], 1, "KeyError", [true, false], [["a", 1], ["b", 2]], {"a": 1, "b": 2}, "TypeError"], [true, true, true, true], [3, 2], [false, false, false, false], [false, false, false, false], [true, true, true, true]]
globalThis.confMtMap = new Map([["a", 1]]);
const ro = (extra) => ({
  _d: { a: 1, b: 2 },
  get(k) { return this._d[k]; },
  has(k) { return k in this._d; },
  get size() { return Object.keys(this._d).length; },
  keys() { return Object.keys(this._d)[Symbol.iterator](); },
  ...extra,
});
globalThis.confMtRo = ro({ [Symbol.iterator]() { return Object.keys(this._d)[Symbol.iterator](); } });
globalThis.confMtRw = ro({
  [Symbol.iterator]() { return Object.keys(this._d)[Symbol.iterator](); },
  set(k, v) { this._d[k] = v; },
});
globalThis.confMtNoIter = ro({});
globalThis.confMtPlain = { a: 1 };
const r = py.runPython(`
import json, warnings
import collections.abc as abc
from pyodide.ffi import JsMap, JsMutableMap
from js import confMtMap, confMtRo, confMtRw, confMtNoIter, confMtPlain
def conf_err(f):
    try:
        f()
        return "no error"
    except Exception as e:
        return type(e).__name__
def row(x):
    return [isinstance(x, c) for c in (JsMap, JsMutableMap, abc.Mapping, abc.MutableMapping)]
def conf_set(m, k, v):
    m[k] = v
ro = confMtRo
res = [row(confMtMap), row(ro)]
res.append([len(ro), list(ro), ro["a"], conf_err(lambda: ro["zz"]), ["a" in ro, "zz" in ro],
            [list(kv) for kv in ro.items()], dict(ro), conf_err(lambda: conf_set(ro, "c", 3))])
res.append(row(confMtRw))
conf_set(confMtRw, "c", 3)
res.append([len(confMtRw), confMtRw._d.b])
res.append(row(confMtNoIter))
res.append(row(confMtPlain))
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    res.append(row(confMtPlain.as_object_map()))
del ro
json.dumps(res)
`);
for (const k of ["confMtMap", "confMtRo", "confMtRw", "confMtNoIter", "confMtPlain"]) delete globalThis[k];
return JSON.parse(r);
