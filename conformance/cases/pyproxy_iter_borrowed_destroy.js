// Pyodide's lifetime rule for proxies yielded by JS iteration of a Python
// iterable (a Pyodide-specific rule, "a known footgun": decide whether to
// follow it). The PyProxies that for...of or spread produced are destroyed
// when the iteration runs to the end: using one afterwards throws Error "This
// borrowed proxy was automatically destroyed when an iterator was
// exhausted."; leaving the loop early with break keeps them; a copy() made in
// the loop survives; values from a Python iterator's own next() and from
// get() are not affected.
// Deliberate difference from Pyodide (docs/conversions.md): values produced by iteration are not destroyed when the iterator is exhausted.
// expect: [[1, 1], [1, 1], [1], [1, 1], 1]
py.runPython("conf_ib = [[1], [2]]");
const len = (x) => {
  try {
    return x.length;
  } catch (e) {
    return e.message.split("\n")[0];
  }
};
const l = py.globals.get("conf_ib");
const r = [];
const kept = [];
for (const x of l) kept.push(x);
r.push(kept.map(len));
r.push([...l].map(len));
const early = [];
for (const x of l) {
  early.push(x);
  break;
}
r.push(early.map(len));
early.forEach((x) => x.destroy());
const copies = [];
for (const x of l) copies.push(x.copy());
r.push(copies.map(len));
copies.forEach((x) => x.destroy());
const it = py.runPython("iter(conf_ib)");
const v = it.next().value;
it.next();
it.next();
r.push(len(v));
v.destroy();
it.destroy();
l.destroy();
return r;
