// A dict PyProxy's get/set/has/delete are Python's d[k], d[k] = v, k in d,
// del d[k] (as in Pyodide): get of a missing key returns undefined (no throw),
// set and delete return undefined, delete of a missing key throws PythonError
// KeyError, an unhashable key (a JS array arrives as a JsProxy) throws
// PythonError TypeError. Keys cross by the usual rules (1 is the int key 1,
// not "1"). On a dict proxy, a string property read (d.k) is the item when the
// key exists (Pyodide's dict proxies), and "k" in d is k in d.
// Deliberate difference from Pyodide (docs/conversions.md): a JsProxy is hashable here (by JS identity), so a JS array as a key is a missing key, not a TypeError.
// expect: [1, undefined, true, false, "two", undefined, undefined, 3, undefined, undefined, false, ["PythonError", "KeyError", "KeyError: 'zz'"], "no", 1, true, ["a", "c"], 1]
py.runPython("conf_dd = {'a': 1, 1: 'two'}");
const d = py.globals.get("conf_dd");
const jsOf = (code) => {
  const p = py.runPython(code);
  const v = p.toJs();
  p.destroy();
  return v;
};
const err = (f) => {
  try {
    f();
    return "no error";
  } catch (e) {
    return [e.name, e.type, e.message.trim().split("\n").pop()];
  }
};
const r = [d.get("a"), d.get("zz"), d.has("a"), d.has("zz"), d.get(1), d.get("1")];
r.push(d.set("c", 3));
r.push(py.runPython("conf_dd['c']"));
r.push(d.set("tmp", 0), d.delete("tmp"), py.runPython("'tmp' in conf_dd"));
r.push(err(() => d.delete("zz")));
r.push(err(() => d.get([1])).slice(0, 2));
r.push(d.a, "a" in d);
r.push(jsOf("sorted(k for k in conf_dd if isinstance(k, str))"));
r.push(d.length - 2);
d.destroy();
return r;
