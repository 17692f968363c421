// Python iterables are JS iterables (as in Pyodide): for...of, spread and
// Array.from work over a list, a dict (its keys), a set, a range (negative
// step too), a generator (consumed once: a second spread is empty), a tuple,
// dict.items() (each pair a tuple proxy, converted in the loop). A Python str
// crosses as a JS string. l[Symbol.iterator]() gives an object whose next()
// returns {value, done}, then {value: undefined, done: true}. A Python iterator
// (iter(...)) has next() itself and [Symbol.iterator]() returns the same
// proxy. An object without __iter__ has no [Symbol.iterator].
// expect: [[1, 2, 3], [1, 2, 3], ["a", "b"], [7], [0, 1, 2], [5, 3, 1], [1, 2], [], [8, 9], [["a", 1], ["b", 2]], "string", ["h", "\u00e9"], [{"value": 1, "done": false}, {"value": 2, "done": false}, {"value": 3, "done": false}, {"value": undefined, "done": true}], [{"value": 5, "done": false}, {"value": undefined, "done": true}, true], "undefined"]
py.runPython(`
conf_it_l = [1, 2, 3]
conf_it_d = {"a": 1, "b": 2}
def conf_it_gen():
    yield 1
    yield 2
class ConfItPlain:
    pass
`);
const P = (code) => py.runPython(code);
const r = [];
const l = py.globals.get("conf_it_l");
const a = [];
for (const x of l) a.push(x);
r.push(a, [...l]);
const d = py.globals.get("conf_it_d");
r.push(Array.from(d));
const once = (code, f) => {
  const p = P(code);
  const v = f(p);
  p.destroy();
  return v;
};
r.push(once("{7}", (p) => Array.from(p)));
r.push(once("range(3)", (p) => [...p]));
r.push(once("range(5, 0, -2)", (p) => Array.from(p)));
const g = py.globals.get("conf_it_gen")();
r.push([...g], [...g]);
g.destroy();
r.push(once("(8, 9)", (p) => [...p]));
r.push(
  once("conf_it_d.items()", (items) => {
    const out = [];
    for (const pair of items) out.push([pair.get(0), pair.get(1)]);
    return out;
  }),
);
const s = P("'h\\u00e9'");
r.push(typeof s, Array.from(s));
const it = l[Symbol.iterator]();
r.push([it.next(), it.next(), it.next(), it.next()]);
const pyit = P("iter([5])");
r.push([pyit.next(), pyit.next(), pyit[Symbol.iterator]() === pyit]);
pyit.destroy();
r.push(once("ConfItPlain()", (p) => typeof p[Symbol.iterator]));
l.destroy();
d.destroy();
return r;
