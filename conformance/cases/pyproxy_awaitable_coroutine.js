// A coroutine returned to JS is a thenable PyProxy (as in Pyodide): typeof
// "object", not a Promise, with then/catch/finally. `await` gives its return
// value; then(f) returns a real Promise resolving to f's result; then() with
// no arguments resolves to the value; a second then() on the same proxy gets
// the same result (the coroutine runs once); finally(f) passes the value
// through and calls f with no arguments; catch(f) gets the PythonError of a
// coroutine that raises (e.type "ValueError") and `await` of it rejects with
// that PythonError. A non-awaitable proxy has no `then`, so `await p` gives p.
// expect: [["object", false, "function", "function", "function", "coroutine"], 7, [true, 14, 7], 8, [7, [0]], "ValueError", ["PythonError", "ValueError", true, "ValueError: co-fail"], [true, "undefined"]]
py.runPython(`
async def conf_aw_f(): return 7
async def conf_aw_fail(): raise ValueError("co-fail")
`);
const P = (code) => py.runPython(code);
const r = [];
const c = P("conf_aw_f()");
r.push([typeof c, c instanceof Promise, typeof c.then, typeof c.catch, typeof c.finally, c.type]);
r.push(await c);
const c2 = P("conf_aw_f()");
const t = c2.then((v) => v * 2);
r.push([t instanceof Promise, await t, await c2.then()]);
r.push(await c2.then((v) => v + 1));
const calls = [];
r.push([await P("conf_aw_f()").finally((...a) => calls.push(a.length)), calls]);
r.push(await P("conf_aw_fail()").catch((e) => e.type));
try {
  await P("conf_aw_fail()");
  r.push("no error");
} catch (e) {
  r.push([e.name, e.type, e instanceof ctx.PythonError, e.message.trim().split("\n").pop()]);
}
const l = P("[1]");
const v = await l;
r.push([v === l, typeof l.then]);
l.destroy();
return r;
