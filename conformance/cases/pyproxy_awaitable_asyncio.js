// asyncio objects awaited from JS (Pyodide runs them on its event loop,
// WebLoop, driven by JS timers): an asyncio Task resolves to the coroutine's
// value; a Future resolves when Python sets its result later (here from a JS
// timer); set_exception rejects with PythonError of that type; a cancelled
// task rejects with PythonError CancelledError; a coroutine awaiting
// asyncio.sleep resolves after the sleep. Needs an event loop (issue 9 in
// pybridge).
// expect: [7, 11, ["PythonError", "KeyError"], "slept", ["PythonError", "CancelledError"]]
py.runPython(`
import asyncio
async def conf_aio_f(): return 7
async def conf_aio_sleep():
    await asyncio.sleep(0.01)
    return "slept"
async def conf_aio_forever():
    await asyncio.sleep(10)
conf_aio_task = asyncio.ensure_future(conf_aio_f())
conf_aio_fut = asyncio.get_event_loop().create_future()
conf_aio_fut2 = asyncio.get_event_loop().create_future()
`);
const r = [];
r.push(await py.globals.get("conf_aio_task"));
const fut = py.globals.get("conf_aio_fut");
setTimeout(() => py.runPython("conf_aio_fut.set_result(11)"), 5);
r.push(await fut);
const fut2 = py.globals.get("conf_aio_fut2");
setTimeout(() => py.runPython("conf_aio_fut2.set_exception(KeyError('fk'))"), 5);
try {
  await fut2;
  r.push("no error");
} catch (e) {
  r.push([e.name, e.type]);
}
r.push(await py.runPython("conf_aio_sleep()"));
py.runPython("conf_aio_ctask = asyncio.ensure_future(conf_aio_forever())");
const ct = py.globals.get("conf_aio_ctask");
setTimeout(() => py.runPython("conf_aio_ctask.cancel()"), 5);
try {
  await ct;
  r.push("no error");
} catch (e) {
  r.push([e.name, e.type]);
}
return r;
