// A jsnull dict key is a primitive (JS null) and, with the default
// conversion to a plain Object, becomes the property "null" (docs/
// conversions.md, "Deep conversion": keys are `str(key)` as JS spells it,
// None → "undefined"), as it becomes the key null with a Map converter. So a
// JS Map with a null key goes through py.toPy() and toJs(). Found by the
// round-trip fuzzer (conformance/fuzz/roundtrip.mjs, known bug
// tojs-jsnull-key).
// expect: [{"null": 1, "undefined": 2}, [[null, 1]], {"null": 3}]
const jsOf = (p, opts) => {
  try {
    return p.toJs(opts);
  } finally {
    p.destroy();
  }
};
const d = () => py.runPython("from pyodide.ffi import jsnull\n{jsnull: 1, None: 2}");
const r = [];
r.push(jsOf(d()));
r.push([...jsOf(py.runPython("from pyodide.ffi import jsnull\n{jsnull: 1}"), { dict_converter: (e) => new Map(e) })]);
r.push(jsOf(py.toPy(new Map([[null, 3]]))));
return r;
