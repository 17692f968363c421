// From JS: awaiting a coroutine schedules it as a Task on the loop (it may
// itself await asyncio and JS promises); a Task and a Future are thenables
// too; a Python exception rejects with PythonError of its type; the same
// coroutine proxy awaited twice gives the same value (one Task).
// expect: [12, 12, 5, "late", ["PythonError", "KeyError"], ["PythonError", "TypeError"]]
py.runPython(`
import asyncio
from js import Promise
async def conf_work(x):
    await asyncio.sleep(0.001)
    return (await Promise.resolve(x)) * 2
async def conf_bad():
    raise KeyError("k")
`);
const c = py.runPython("conf_work(6)");
const r = [await c, await c];
const t = py.runPython("asyncio.ensure_future(conf_work(2.5))");
r.push(await t);
const f = py.runPython("conf_f = asyncio.get_event_loop().create_future()\nasyncio.get_event_loop().call_later(0.002, conf_f.set_result, 'late')\nconf_f");
r.push(await f);
for (const code of ["conf_bad()", "asyncio.ensure_future(asyncio.sleep('x'))"]) {
  try {
    await py.runPython(code);
    r.push("no error");
  } catch (e) {
    r.push([e.name, e.type]);
  }
}
for (const p of [c, t, f]) p.destroy();
py.runPython("del conf_work, conf_bad, conf_f");
return r;
