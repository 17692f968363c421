// py.toPy(value, {depth, defaultConverter}) (Pyodide: pyodide.toPy): a deep
// conversion JS → Python returning a PyProxy of the result: Object (also
// null-prototype) and Map → dict, Array → list, Set → set, null → jsnull,
// undefined → None, a typed array → memoryview; class instances and functions
// stay JsProxies; cycles and shared children are kept. depth: 1 converts only
// the top level (inner objects stay JsProxies); depth 0 returns the JS value
// itself; -1 (default) is unlimited. A primitive comes back as itself (5,
// "s", null, undefined, true, 10n). defaultConverter(value, converter,
// cacheConversion) is called for objects with no built-in conversion; its
// result (converted by the usual rules) is used, and converter(sub) converts a
// sub-object. A Map with an object key throws Error "Cannot use key of type
// Object as a key to a Python dict".
// Deliberate difference from Pyodide (docs/conversions.md): a BigInt becomes a plain int (so 10n comes back as 10), and an object-keyed Map is Python's TypeError (unhashable) as a PythonError.
// expect: [["dict", "{'a': int:1, 'b': [int:1, float:2.5, str:'s', JsNull:jsnull, NoneType:None, bool:True]}"], ["list", "[int:1, [int:2]]"], ["dict", "{1: str:'a', 'k': [int:2]}"], ["set", "set[1, 2]"], ["dict", "{'a': int:1}"], ["memoryview", "[1, 2]"], "[JsProxy, JsProxy]", ["dict", "{'a': JsProxy, 'c': JsProxy}"], true, [5, "s", null, undefined, true, 10], [true, true], ["[{'kv': int:1}]", [["K", "function", "function"]]], "[[int:1, {'z': int:2}]]", ["PythonError", "TypeError: unhashable type: 'dict'"]]
const desc = py.runPython(`
def conf_topy_desc(x):
    from pyodide.ffi import JsProxy
    def d(v):
        if isinstance(v, JsProxy): return "JsProxy"
        if isinstance(v, dict): return "{" + ", ".join(repr(k) + ": " + d(x) for k, x in v.items()) + "}"
        if isinstance(v, list): return "[" + ", ".join(d(x) for x in v) + "]"
        if isinstance(v, set): return "set" + repr(sorted(v))
        if isinstance(v, memoryview): return repr(list(v))
        return type(v).__name__ + ":" + repr(v)
    return d(x)
conf_topy_desc
`);
const conv = (value, opts) => {
  const p = py.toPy(value, opts);
  try {
    return [p.type, desc(p)];
  } finally {
    p.destroy();
  }
};
class K {
  constructor() {
    this.v = 1;
  }
}
const r = [];
r.push(conv({ a: 1, b: [1, 2.5, "s", null, undefined, true] }));
r.push(conv([1, [2]]));
r.push(conv(new Map([[1, "a"], ["k", [2]]])));
r.push(conv(new Set([1, 2])));
const np = Object.create(null);
np.a = 1;
r.push(conv(np));
r.push(conv(new Uint8Array([1, 2])));
r.push(conv([new K(), () => 1])[1]);
r.push(conv({ a: { b: 1 }, c: [1] }, { depth: 1 }));
const o = { a: 1 };
r.push(py.toPy(o, { depth: 0 }) === o);
r.push([py.toPy(5), py.toPy("s"), py.toPy(null), py.toPy(undefined), py.toPy(true), py.toPy(10n)]);
const a = [1];
a.push(a);
const s = { q: 1 };
const pa = py.toPy(a);
const ps = py.toPy([s, s]);
r.push([py.runPython("lambda l: l[1] is l")(pa), py.runPython("lambda l: l[0] is l[1]")(ps)]);
pa.destroy();
ps.destroy();
const calls = [];
const withConv = py.toPy([new K()], {
  defaultConverter: (value, converter, cacheConversion) => {
    calls.push([value.constructor.name, typeof converter, typeof cacheConversion]);
    return converter({ kv: value.v });
  },
});
r.push([desc(withConv), calls]);
withConv.destroy();
class H {
  constructor() {
    this.arr = [1, { z: 2 }];
  }
}
const sub = py.toPy([new H()], { defaultConverter: (v, converter) => converter(v.arr) });
r.push(desc(sub));
sub.destroy();
try {
  py.toPy(new Map([[{}, 1]]));
  r.push("no error");
} catch (e) {
  r.push([e.name, e.message]);
}
desc.destroy();
return r;
