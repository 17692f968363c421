// `length` on a PyProxy is Python's len() (as in Pyodide): list, tuple, dict,
// set, bytes and any object whose type has __len__; a str crosses as a JS
// string, so its length is JS's (UTF-16 units: the astral char counts 2).
// An object without __len__ has no `length` member ("length" in p is false,
// p.length is undefined). A __len__ that raises throws PythonError with that
// exception (here ValueError "badlen").
// expect: [3, 2, 2, 1, 3, 5, 7, "string", 3, false, undefined, true, ["PythonError", "ValueError", "ValueError: badlen"]]
py.runPython(`
class ConfLen:
    def __len__(self): return 5
class ConfNoLen:
    pass
class ConfBadLen:
    def __len__(self): raise ValueError("badlen")
`);
const get = (code) => py.runPython(code);
const r = [];
for (const code of ["[1, 2, 3]", "(1, 2)", "{'a': 1, 'b': 2}", "{7}", "b'abc'", "ConfLen()"]) {
  const p = get(code);
  r.push(p.length);
  p.destroy();
}
const s = get("'h\\u00e9llo\\U0001F600'");
r.push(s.length, typeof s);
const empty = get("[[], [], []]");
r.push(empty.length);
empty.destroy();
const plain = get("ConfNoLen()");
r.push("length" in plain, plain.length);
plain.destroy();
const bad = get("ConfBadLen()");
r.push("length" in bad);
try {
  r.push(bad.length);
} catch (e) {
  r.push([e.name, e.type, e.message.trim().split("\n").pop()]);
}
bad.destroy();
return r;
