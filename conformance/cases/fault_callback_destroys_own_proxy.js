// A call destroys the proxy it is running through. JS calls a PyProxy of a
// Python function (held only by that proxy) which calls back into JS, and
// JS destroys the proxy and collects garbage: the running function finishes
// and its result arrives; the proxy then refuses ("Object has already been
// destroyed", naming the Python type). The same for a callable instance (its
// __del__ runs only after its call returns) and a bind() proxy. From the
// Python side: a create_proxy()'d callable that destroys itself inside its
// own call (its JS caller gets the result; the next call from JS throws,
// from Python it is a JsException). And a Python generator driven by JS
// for…of whose body makes JS destroy the generator's proxy: the step that
// was running still delivers its value, and the loop stops at the next step
// with the same "destroyed" error naming the generator, as does a next()
// method read before a destroy() (both used to be "stale PyRef key 0x…:
// its entry was released", naming neither the type nor the destroy).
// expect: [[["killed", 7], "function"], [["killed", 8, 10, 0], 1, "ConfFcdCallable"], [["killed", 9], "function"], [2, "function", ["JsException", true]], [[1, 2], "generator"], [1, "generator"], 42]
const destroyed = (f) => {
  try {
    f();
    return "no error";
  } catch (e) {
    const m = /^Object has already been destroyed\n.*a Python (\S+),/.exec(String(e?.message));
    return e?.name === "Error" && m ? m[1] : [e?.name, String(e?.message)];
  }
};
let current;
globalThis.confFcdKill = () => {
  current.destroy();
  py.runPython("import gc; gc.collect()");
  return "killed";
};
py.runPython(`
from js import confFcdKill
conf_fcd_log = []
class ConfFcdCallable:
    def __init__(self): self.data = list(range(5))
    def __call__(self, x):
        return [confFcdKill(), x, sum(self.data), len(conf_fcd_log)]
    def __del__(self): conf_fcd_log.append("del")
`);
const r = [];
current = py.runPython("(lambda: lambda x: [confFcdKill(), x])()");
r.push([current(7).toJs(), destroyed(() => current(1))]);
current = py.runPython("ConfFcdCallable()");
r.push([current(8).toJs(), py.runPython("len(conf_fcd_log)"), destroyed(() => current(1))]);
const f = py.runPython("(lambda: lambda a, b: [confFcdKill(), a + b])()");
current = f.bind(null, 4);
r.push([current(5).toJs(), destroyed(() => f(1, 2))]);
py.runPython(`
import js
from pyodide.ffi import create_proxy
def conf_fcd_body(n):
    conf_fcd_cp.destroy()
    return n + 1
conf_fcd_cp = create_proxy(conf_fcd_body)
js.confFcdCp = conf_fcd_cp
def conf_fcd_again():
    try:
        conf_fcd_cp(3)
        return "no error"
    except Exception as e:
        return [type(e).__name__, "destroyed" in str(e)]
`);
r.push([globalThis.confFcdCp(1), destroyed(() => globalThis.confFcdCp(2)), py.runPython("conf_fcd_again()").toJs()]);
py.runPython(`
def conf_fcd_gen():
    yield 1
    confFcdKill()
    yield 2
    yield 3
`);
current = py.runPython("conf_fcd_gen()");
const seen = [];
r.push([
  seen,
  destroyed(() => {
    for (const v of current) seen.push(v);
  }),
]);
current = py.runPython("conf_fcd_gen()");
const next = current.next;
const first = next().value;
current.destroy();
r.push([first, destroyed(() => next())]);
r.push(py.runPython("6 * 7"));
return r;
