// A Python attribute named like a PyProxy member (type, toString, destroy) is
// reachable with Pyodide's `$` prefix, while the plain name stays the member.
// expect: ["ConfCollide", "function", "function", "t", "s", "d"]
py.runPython('class ConfCollide:\n    type = "t"\n    toString = "s"\n    destroy = "d"\nconf_collide = ConfCollide()');
const p = py.globals.get("conf_collide");
const read = (f) => {
  try {
    return f();
  } catch (e) {
    return `threw ${e?.name}`;
  }
};
const r = [
  read(() => p.type),
  read(() => typeof p.toString),
  read(() => typeof p.destroy),
  read(() => p.$type),
  read(() => p.$toString),
  read(() => p.$destroy),
];
p.destroy();
return r;
