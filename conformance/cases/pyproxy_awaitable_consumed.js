// Pyodide's lifetime rule for awaitables (a Pyodide-specific rule: decide
// whether to follow it). The first then/catch/finally (or `await`) schedules
// the coroutine as a task and destroys the proxy: afterwards `type` throws
// "Object has already been destroyed", yet then() still works (the result is
// kept). Calling an `async def` function from JS schedules the task at once,
// so the returned proxy is already destroyed for everything but
// then/catch/finally. A copy() made before awaiting survives, and awaiting the
// copy is PythonError RuntimeError "cannot reuse already awaited coroutine".
// Deliberate difference from Pyodide (docs/conversions.md): awaiting a proxy does not destroy it here (Pyodide's does).
// expect: ["coroutine", "coroutine", 8, "coroutine", 7, [7, "coroutine"], ["PythonError", "RuntimeError", "RuntimeError: cannot reuse already awaited coroutine"]]
py.runPython("async def conf_awc(): return 7");
const first = (e) => e.message.split("\n")[0];
const r = [];
const c = py.runPython("conf_awc()");
r.push(c.type);
const pending = c.then((v) => v);
try {
  r.push(c.type);
} catch (e) {
  r.push(first(e));
}
await pending;
r.push(await c.then((v) => v + 1));
const called = py.globals.get("conf_awc")();
try {
  r.push(called.type);
} catch (e) {
  r.push(first(e));
}
r.push(await called);
const c2 = py.runPython("conf_awc()");
const cp = c2.copy();
r.push([await c2, cp.type]);
try {
  await cp;
  r.push("no error");
} catch (e) {
  r.push([e.name, e.type, e.message.trim().split("\n").pop()]);
}
return r;
