// A list PyProxy's get/set/delete are l[i], l[i] = v, del l[i], so negative
// indices count from the end; has(x) is `x in l` (membership of a value, not
// an index). get past the end returns undefined (Pyodide turns IndexError into
// undefined); set/delete past the end throw PythonError IndexError "list
// assignment index out of range"; a str index is TypeError "list indices must
// be integers or slices, not str". Numeric property access (l[0], l["1"]) is
// get, l[-1] as a property is undefined (not an index). A tuple has get/has but
// no set/delete members.
// expect: [1, 3, undefined, ["PythonError", "TypeError", "TypeError: list indices must be integers or slices, not str"], true, false, [10, 2, 30], ["PythonError", "IndexError", "IndexError: list assignment index out of range"], [2, 30], ["PythonError", "IndexError", "IndexError: list assignment index out of range"], 2, 30, undefined, 2, [5, true, false, "undefined", "undefined"]]
py.runPython("conf_ll = [1, 2, 3]");
const l = py.globals.get("conf_ll");
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
const r = [l.get(0), l.get(-1), l.get(5), err(() => l.get("a")), l.has(1), l.has(0)];
l.set(0, 10);
l.set(-1, 30);
r.push(jsOf("conf_ll"));
r.push(err(() => l.set(5, 1)));
l.delete(0);
r.push(jsOf("conf_ll"));
r.push(err(() => l.delete(9)));
r.push(l[0], l["1"], l[-1], l.length);
l.destroy();
const t = py.runPython("(5, 6)");
r.push([t.get(0), t.has(6), t.has(0), typeof t.set, typeof t.delete]);
t.destroy();
return r;
