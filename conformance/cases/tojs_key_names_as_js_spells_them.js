// The key-collision check of toJs()/to_js with the default plain-Object
// conversion uses the property names JS makes, `String(key)` (docs/
// conversions.md, "Deep conversion"): two distinct lone surrogates are two
// names (no collision; so a JS object with keys "\ud800" and "\udc00" goes
// through py.toPy() and toJs()); the float 1e21 is "1e+21" and collides with
// the str "1e+21", float('inf') is "Infinity" and collides with "Infinity"
// (not with "inf"). Found by the round-trip fuzzer
// (conformance/fuzz/roundtrip.mjs, known bug tojs-key-names).
// expect: [{"\ud800": 1, "\udc00": 2}, {"\ud800": 3, "\udfff": 4}, ["ConversionError", "Key collision when converting Python dictionary to JavaScript. Key: '1e+21'"], ["ConversionError", "Key collision when converting Python dictionary to JavaScript. Key: 'Infinity'"], {"Infinity": 5, "inf": 6}]
const jsOf = (p) => {
  try {
    return p.toJs();
  } catch (e) {
    return [e.type, e.message.trim().split("\n").pop().replace(/^pyodide\.ffi\.ConversionError: /, "")];
  } finally {
    p.destroy();
  }
};
const r = [];
r.push(jsOf(py.runPython("{'\\ud800': 1, '\\udc00': 2}")));
r.push(jsOf(py.toPy({ "\ud800": 3, "\udfff": 4 })));
r.push(jsOf(py.runPython("{1e21: 1, '1e+21': 2}")));
r.push(jsOf(py.runPython("{float('inf'): 3, 'Infinity': 4}")));
r.push(jsOf(py.runPython("{float('inf'): 5, 'inf': 6}")));
return r;
