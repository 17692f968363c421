// JS's call/apply/bind on a Python function (as in Pyodide): `this` is
// dropped (a method call o.m(x) passes only x), apply takes an array or an
// array-like, bind(thisArg, ...args) returns a new callable proxy with the
// arguments prepended (binding twice appends), and captureThis() returns a
// proxy that passes JS's `this` as the first Python argument (None when
// called plainly); bind after captureThis fixes that `this`. A Python
// function proxy has no JS `name`/`length` (they read as the missing Python
// attributes: undefined). A Python class is callable from JS too.
// (Pyodide's bound and captureThis proxies share the original's lifetime:
// destroying one destroys all; see pyproxy_bind_shares_lifetime.js. So only
// the originals are destroyed here.)
// expect: ["(1, 2, ())", "(1, 2, ())", "('a', 'b', ())", "(7, 0, ())", ["(10, 20, (30,))", "function", false], "(1, 2, (3,))", ["(None, (1, 2))", "('T', (3,))", "('OBJ', (4,))"], "('BT', (1, 2))", [undefined, undefined, "conf_bt"], 3]
py.runPython(`
def conf_bt(a, b=0, *args):
    return repr((a, b, args))
def conf_bt_this(this, *args):
    return repr((None if this is None else str(this), args))
class ConfBtK:
    def __init__(self, v): self.v = v
`);
const f = py.globals.get("conf_bt");
const th = py.globals.get("conf_bt_this");
const r = [];
r.push(f.call({ x: 1 }, 1, 2));
r.push(f.apply({ x: 1 }, [1, 2]));
r.push(f.apply(null, { length: 2, 0: "a", 1: "b" }));
r.push({ m: f }.m(7));
const b = f.bind({ x: 1 }, 10);
r.push([b(20, 30), typeof b, b === f]);
const bb = f.bind(null, 1).bind(null, 2);
r.push(bb(3));
const cap = th.captureThis();
const o = { m: cap, toString: () => "OBJ" };
r.push([cap(1, 2), cap.call("T", 3), o.m(4)]);
const capBound = cap.bind("BT", 1);
r.push(capBound(2));
r.push([f.name, f.length, f.__name__]);
const K = py.globals.get("ConfBtK");
const k = K(3);
r.push(k.v);
k.destroy();
K.destroy();
f.destroy();
th.destroy();
return r;
