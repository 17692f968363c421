// A JS Map is a Python mapping (JsMap): len, m[k] with KeyError, in,
// iteration over keys, keys/values/items, get with a default. Same as Pyodide.
// expect: ["2", "1", "KeyError", "True", "False", "['a', 'b']", "['a', 'b']", "[1, 2]", "[('a', 1), ('b', 2)]", "7", "None"]
globalThis.confMapM = new Map([["a", 1], ["b", 2]]);
const r = py.runPython(`
from js import confMapM as m
def t(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__
"\\x00".join([t(lambda: len(m)), t(lambda: m["a"]), t(lambda: m["z"]), t(lambda: "a" in m), t(lambda: "z" in m),
 t(lambda: list(m)), t(lambda: list(m.keys())), t(lambda: list(m.values())), t(lambda: list(m.items())),
 t(lambda: m.get("z", 7)), t(lambda: m.get("z"))])
`);
delete globalThis.confMapM;
return r.split("\x00");
