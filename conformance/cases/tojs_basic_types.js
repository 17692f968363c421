// p.toJs() with default options (Pyodide 314): list and tuple → Array; dict →
// a plain Object (NOT a Map; keys become strings: 2 → "2", True → "true",
// None → "undefined", 1.5 → "1.5"); set → Set; frozenset is NOT converted (it
// stays a PyProxy); None → undefined; jsnull → null; bool → boolean; str →
// string; ints with |n| < 2**53 - 1 → Number, from 2**53 - 1 on → BigInt
// (even 2**53 - 1 itself); floats keep -0.0; nested containers convert
// recursively; a JsProxy inside is the original JS object. toJs on a
// non-container returns a new PyProxy (not ===) that must be destroyed.
// Deliberate difference from Pyodide (docs/conversions.md): ±(2**53 - 1) cross as Numbers here (our int rule).
// expect: [[true, [1, "a", undefined, 2.5, true, null]], [true, [1, 2]], [true, false, {"2": "b", "a": 1, "true": 3, "undefined": "n", "1.5": "f"}], [true, [1, 2]], [true, "frozenset"], {"a": [1, [2, 3], [4]], "b": {"c": undefined}}, [9007199254740990, 9007199254740991, 9007199254740992n, -9007199254740991, 1267650600228229401496703205376n, 1, -0], ["é😀", ""], true, [false, true, "ConfTb"]]
py.runPython(`
from pyodide.ffi import jsnull
import js
class ConfTb:
    pass
`);
const jsOf = (code, opts) => {
  const p = py.runPython(code);
  const v = p.toJs(opts);
  p.destroy();
  return v;
};
const r = [];
let v = jsOf("[1, 'a', None, 2.5, True, jsnull]");
r.push([Array.isArray(v), v]);
v = jsOf("(1, 2)");
r.push([Array.isArray(v), v]);
v = jsOf("{'a': 1, 2: 'b', True: 3, None: 'n', 1.5: 'f'}");
r.push([Object.getPrototypeOf(v) === Object.prototype, v instanceof Map, v]);
v = jsOf("{2, 1}");
r.push([v instanceof Set, [...v].sort()]);
v = jsOf("frozenset([3])");
r.push([v instanceof py.PyProxy, v.type]);
v.destroy();
v = jsOf("{'a': [1, (2, 3), {4}], 'b': {'c': None}}");
v.a[2] = [...v.a[2]];
r.push(v);
r.push(jsOf("[2**53 - 2, 2**53 - 1, 2**53, -(2**53 - 1), 2**100, 1.0, -0.0]"));
r.push(jsOf("['\\u00e9\\U0001F600', '']"));
globalThis.confTbObj = { z: 1 };
v = jsOf("[js.confTbObj]");
r.push(v[0] === globalThis.confTbObj);
delete globalThis.confTbObj;
const o = py.runPython("ConfTb()");
const ov = o.toJs();
r.push([ov === o, ov instanceof py.PyProxy, ov.type]);
ov.destroy();
o.destroy();
return r;
