// Which types toJs() converts (Pyodide 314): subclasses of list and dict
// convert like them (a list subclass → Array, OrderedDict → plain Object);
// range, generators, dict views, iterators, functions and class instances do
// not (the result is a new PyProxy of the same object). A list subclass's
// __len__ and a dict subclass's items() are called: if they raise, toJs throws
// PythonError ConversionError "Conversion from python to javascript failed"
// caused by the Python error (ValueError here). An object whose __len__ or
// __iter__ raises but that is no list/dict is not touched (stays a proxy).
// expect: [[true, [1, 2]], [true, {"a": 1}], ["range", "generator", "dict_values", "list_iterator", "builtin_function_or_method", "ConfNcBadIter"], ["PythonError", "ConversionError", "ConversionError: Conversion from python to javascript failed", true], ["PythonError", "ConversionError", "ConversionError: Conversion from python to javascript failed", true]]
py.runPython(`
import collections
class ConfNcL(list): pass
class ConfNcBadLen(list):
    def __len__(self): raise ValueError("badlen")
class ConfNcBadItems(dict):
    def items(self): raise ValueError("baditems")
class ConfNcBadIter:
    def __len__(self): raise ValueError("len")
    def __iter__(self): raise ValueError("iter")
`);
const jsOf = (code) => {
  const p = py.runPython(code);
  try {
    return p.toJs();
  } finally {
    p.destroy();
  }
};
const r = [];
r.push([Array.isArray(jsOf("ConfNcL([1, 2])")), jsOf("ConfNcL([1, 2])")]);
const od = jsOf("collections.OrderedDict(a=1)");
r.push([Object.getPrototypeOf(od) === Object.prototype, od]);
const kinds = [];
for (const code of ["range(3)", "(x for x in [1])", "{'a': 1}.values()", "iter([1])", "len", "ConfNcBadIter()"]) {
  const v = jsOf(code);
  kinds.push(v instanceof py.PyProxy ? v.type : "converted");
  if (v instanceof py.PyProxy) v.destroy();
}
r.push(kinds);
for (const code of ["ConfNcBadLen([1, 2])", "ConfNcBadItems(a=1)"]) {
  try {
    jsOf(code);
    r.push("no error");
  } catch (e) {
    r.push([e.name, e.type, e.message.trim().split("\n").pop().replace(/^pyodide\.ffi\./, ""), e.message.includes("ValueError: bad")]);
  }
}
return r;
