// toJs({depth}) / to_js(x, depth=d) leaves containers at depth >= d as
// PyProxies without looking inside (docs/conversions.md, "Deep conversion",
// `depth=d`; tojs_depth_cycles_shared.js: depth 0 converts nothing). So a
// dict beyond the depth whose keys could not convert (a tuple key; 1 and
// "1", which would collide as property names), or a set beyond it with a
// tuple member, is no error: it stays a PyProxy, as in Pyodide. Found by the
// round-trip fuzzer (conformance/fuzz/roundtrip.mjs, known bug
// tojs-depth-checks).
// expect: [[true, "dict"], [true, "dict"], [true, "set"], [true, "dict"]]
const r = [];
for (const [code, depth] of [["[{(1, 2): 'a'}]", 1], ["[{1: 'a', '1': 'b'}]", 1], ["[{(1, 2)}]", 1], ["{1: 'a', '1': 'b'}", 0]]) {
  const p = py.runPython(code);
  const pp = [];
  try {
    const v = p.toJs({ depth, pyproxies: pp });
    const inner = depth === 0 ? v : v[0];
    r.push([py.isPyProxy(inner), inner.type]);
    if (depth === 0) inner.destroy();
  } catch (e) {
    r.push([e.name, e.type, e.message.trim().split("\n").pop()]);
  } finally {
    pp.forEach((x) => x.destroy());
    p.destroy();
  }
}
return r;
