// Keys in toJs() (Pyodide 314): a dict key must be a str, number, bool or
// None; a tuple key is PythonError ConversionError "Cannot use (1, 2) as a key
// for a Javascript Map" (with the default Object conversion and with a dict
// converter alike); a set element likewise, "... for a Javascript Set". With
// the default plain-Object result, 1 and "1" collide: ConversionError "Key
// collision when converting Python dictionary to JavaScript. Key: '1'"; with a
// Map converter they stay two keys (1 and "1"), and None is the key undefined.
// expect: [["PythonError", "ConversionError", "ConversionError: Cannot use (1, 2) as a key for a Javascript Map"], ["PythonError", "ConversionError", "ConversionError: Cannot use (1, 2) as a key for a Javascript Map"], ["PythonError", "ConversionError", "ConversionError: Cannot use (1, 2) as a key for a Javascript Set"], ["PythonError", "ConversionError", "ConversionError: Key collision when converting Python dictionary to JavaScript. Key: '1'"], [[1, "a"], ["1", "b"], [undefined, "n"]]]
const err = (code, opts) => {
  const p = py.runPython(code);
  try {
    p.toJs(opts);
    return "no error";
  } catch (e) {
    return [e.name, e.type, e.message.trim().split("\n").pop().replace(/^pyodide\.ffi\./, "")];
  } finally {
    p.destroy();
  }
};
const r = [
  err("{(1, 2): 3}"),
  err("{(1, 2): 3}", { dict_converter: Object.fromEntries }),
  err("{(1, 2)}"),
  err("{1: 'a', '1': 'b'}"),
];
const p = py.runPython("{1: 'a', '1': 'b', None: 'n'}");
const m = p.toJs({ dict_converter: (entries) => new Map(entries) });
p.destroy();
r.push([...m.entries()]);
return r;
