// toJs() sharing, cycles and depth (Pyodide 314): a child reached twice
// converts once (both places hold the same JS object); a list that contains
// itself, a dict that contains itself and a list → dict → list cycle become
// JS cycles. depth: the root is depth 0 and containers at depth >= `depth`
// stay PyProxies (each occurrence its own proxy; leaves such as ints still
// convert); depth 1 is a shallow conversion; a cycle back to the root is the
// root even at depth 1; depth 0 converts nothing (the result is a PyProxy);
// a negative depth (the default, -1) is unlimited.
// Deliberate difference from Pyodide (docs/conversions.md): a shared child beyond `depth` is one PyProxy here (converted once), not one per occurrence.
// expect: [true, [true, 2, 1], true, true, [true, "list", "dict", true, 5], [true, 1, true, "tuple", "set", undefined, true], [2, 1, true], [true, true], true]
py.runPython(`
conf_ds_shared = [1]
conf_ds_nested = {"a": [1, (2, 3), {4}], "b": {"c": None}, "n": 5, "sh1": conf_ds_shared, "sh2": conf_ds_shared}
conf_ds_cyc = [1]
conf_ds_cyc.append(conf_ds_cyc)
conf_ds_dcyc = {}
conf_ds_dcyc["self"] = conf_ds_dcyc
conf_ds_ldl = [{}]
conf_ds_ldl[0]["back"] = conf_ds_ldl
`);
const G = (name) => py.globals.get(name);
const jsOf = (name, opts) => {
  const p = G(name);
  const v = p.toJs(opts);
  p.destroy();
  return v;
};
const r = [];
let v = jsOf("conf_ds_nested");
r.push(v.sh1 === v.sh2);
v = jsOf("conf_ds_cyc");
r.push([v[1] === v, v.length, v[0]]);
v = jsOf("conf_ds_dcyc");
r.push(v.self === v);
v = jsOf("conf_ds_ldl");
r.push(v[0].back === v);
v = jsOf("conf_ds_nested", { depth: 1 });
r.push([v.a instanceof py.PyProxy, v.a.type, v.b.type, v.sh1 === v.sh2, v.n]);
for (const k of ["a", "b", "sh1", "sh2"]) v[k].destroy();
v = jsOf("conf_ds_nested", { depth: 2 });
r.push([Array.isArray(v.a), v.a[0], v.a[1] instanceof py.PyProxy, v.a[1].type, v.a[2].type, v.b.c, Array.isArray(v.sh1)]);
v.a[1].destroy();
v.a[2].destroy();
v = jsOf("conf_ds_cyc", { depth: 1 });
r.push([v.length, v[0], v[1] === v]);
const z = G("conf_ds_cyc");
const z0 = z.toJs({ depth: 0 });
r.push([z0 instanceof py.PyProxy, z0 !== z]);
z0.destroy();
z.destroy();
v = jsOf("conf_ds_nested", { depth: -1 });
r.push(Array.isArray(v.a) && v.a[2] instanceof Set);
return r;
