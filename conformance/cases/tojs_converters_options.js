// toJs() options (Pyodide 314; JS spelling is snake_case like Python's):
// dict_converter gets one JS Array of [key, value] Arrays (values already
// converted) and its result is the dict's conversion (Object.fromEntries,
// entries => new Map(entries), Array.from). default_converter(value,
// converter, cacheConversion) is called for objects with no built-in
// conversion: `value` is a PyProxy, its result is used; converter(proxy)
// converts a sub-object by the same rules; cacheConversion(value, result)
// records the result first so that a cycle through the object converts to a
// JS cycle. A default_converter that throws is PythonError ConversionError
// "Conversion from python to javascript failed", caused by the JS error.
// pyproxies: an Array that collects every PyProxy the conversion made (the
// same objects as in the result; none when all converted).
// create_pyproxies: false makes an unconvertible object PythonError
// ConversionError "No conversion known for x." (the message says "x").
// expect: [[true, true, true, "[object Array]", [["a", 1], ["b", [2]]]], {"a": 1, "b": [2]}, [true, [["a", 1], ["b", [2]]]], [["a", 1], ["b", [2]]], [["conv:ConfTc", "conv:builtin_function_or_method"], [["ConfTc", "function", "function"], ["builtin_function_or_method", "function", "function"]]], [{"sub": [1, {"q": 2}]}], [true, true], ["PythonError", "ConversionError", "ConversionError: Conversion from python to javascript failed", true], [2, true, true, "ConfTc"], 0, ["PythonError", "ConversionError", "ConversionError: No conversion known for x."], ["PythonError", "ConversionError", "ConversionError: No conversion known for x."], [1, {"a": 2}]]
py.runPython(`
class ConfTc:
    def __init__(self): self.l = [1, {"q": 2}]
class ConfTcNode:
    def __init__(self): self.me = self
conf_tc_node = ConfTcNode()
`);
const P = (code) => py.runPython(code);
const jsOf = (code, opts) => {
  const p = P(code);
  try {
    return p.toJs(opts);
  } finally {
    p.destroy();
  }
};
const err = (code, opts) => {
  try {
    jsOf(code, opts);
    return "no error";
  } catch (e) {
    return [e.name, e.type, e.message.trim().split("\n").pop().replace(/^pyodide\.ffi\./, "")];
  }
};
const r = [];
let seen;
const x = jsOf("{'a': 1, 'b': [2]}", {
  dict_converter: (it) => {
    seen = [Array.isArray(it), Array.isArray(it[0]), Object.prototype.toString.call(it), it];
    return "X";
  },
});
r.push([x === "X", ...seen.slice(0, 2), seen[2], seen[3]]);
r.push(jsOf("{'a': 1, 'b': [2]}", { dict_converter: Object.fromEntries }));
const m = jsOf("{'a': 1, 'b': [2]}", { dict_converter: (e) => new Map(e) });
r.push([m instanceof Map, [...m]]);
r.push(jsOf("{'a': 1, 'b': [2]}", { dict_converter: (e) => Array.from(e) }));
const calls = [];
const conv = jsOf("[ConfTc(), len]", {
  default_converter: (v, converter, cache) => {
    calls.push([v.type, typeof converter, typeof cache]);
    return "conv:" + v.type;
  },
});
r.push([conv, calls]);
r.push(
  jsOf("[ConfTc()]", {
    default_converter: (v, converter) => {
      const sub = v.l;
      const out = { sub: converter(sub) };
      return out;
    },
  }),
);
const cyc = jsOf("[conf_tc_node, conf_tc_node]", {
  default_converter: (v, converter, cache) => {
    const o = {};
    cache(v, o);
    o.me = converter(v.me);
    return o;
  },
});
r.push([cyc[0] === cyc[1], cyc[0].me === cyc[0]]);
const thrown = (() => {
  try {
    jsOf("[ConfTc()]", {
      default_converter: () => {
        throw new RangeError("dc");
      },
    });
    return "no error";
  } catch (e) {
    return [e.name, e.type, e.message.trim().split("\n").pop().replace(/^pyodide\.ffi\./, ""), e.message.includes("RangeError: dc")];
  }
})();
r.push(thrown);
const pp = [];
const withObj = jsOf("[ConfTc(), len]", { pyproxies: pp });
r.push([pp.length, pp[0] === withObj[0], pp[1] === withObj[1], pp[0].type]);
pp.forEach((p) => p.destroy());
const none = [];
jsOf("[1, [2], {'a': 3}]", { pyproxies: none });
r.push(none.length);
r.push(err("[ConfTc()]", { create_pyproxies: false }));
r.push(err("len", { create_pyproxies: false }));
r.push(jsOf("[1, {'a': 2}]", { create_pyproxies: false }));
return r;
