// The asyncio loop is the bridge's WebLoop, running on the JS event loop:
// get_event_loop() and get_running_loop() are the same loop, is_running() is
// true; run_until_complete cannot block (RuntimeError saying to await
// instead) and asyncio.run() inside running code is asyncio's own
// RuntimeError; TaskGroup, Semaphore, asyncio.timeout, asyncio.wait and
// cancellation work.
// Deliberate difference (docs/conversions.md): Pyodide 314 makes both of the
// first two block through JS Promise Integration, which Node lacks, so they
// fail there with "WebAssembly stack switching not supported".
// expect: ["WebLoop", true, true, ["RuntimeError", true], ["RuntimeError", "asyncio.run() cannot be called from a running event loop"], [1, 2, 3], 2, "TimeoutError", ["CancelledError", true], [1, 1]]
const r = await py.runPythonAsync(`
import asyncio, json
conf_loop = asyncio.get_event_loop()
res = [type(conf_loop).__name__, conf_loop is asyncio.get_running_loop(), conf_loop.is_running()]
async def conf_three():
    await asyncio.sleep(0.001)
    return 3
try:
    conf_loop.run_until_complete(conf_three())
    res.append("no error")
except RuntimeError as e:
    res.append([type(e).__name__, "Await the coroutine instead" in str(e)])
conf_c = conf_three()
try:
    asyncio.run(conf_c)
    res.append("no error")
except RuntimeError as e:
    res.append([type(e).__name__, str(e)])
conf_c.close()
async with asyncio.TaskGroup() as tg:
    conf_ts = [tg.create_task(asyncio.sleep(0.001 * i, result=i)) for i in (1, 2, 3)]
res.append([t.result() for t in conf_ts])
conf_sem = asyncio.Semaphore(2)
conf_peak = [0, 0]
async def conf_worker():
    async with conf_sem:
        conf_peak[0] += 1
        conf_peak[1] = max(conf_peak)
        await asyncio.sleep(0.002)
        conf_peak[0] -= 1
await asyncio.gather(*(conf_worker() for _ in range(5)))
res.append(conf_peak[1])
try:
    async with asyncio.timeout(0.005):
        await asyncio.sleep(10)
    res.append("no timeout")
except TimeoutError as e:
    res.append(type(e).__name__)
conf_task = asyncio.ensure_future(asyncio.sleep(10))
await asyncio.sleep(0)
conf_task.cancel()
try:
    await conf_task
    res.append("not cancelled")
except asyncio.CancelledError as e:
    res.append([type(e).__name__, conf_task.cancelled()])
conf_fast = asyncio.ensure_future(asyncio.sleep(0.001))
conf_slow = asyncio.ensure_future(asyncio.sleep(10))
conf_done, conf_pending = await asyncio.wait([conf_fast, conf_slow], return_when=asyncio.FIRST_COMPLETED)
res.append([len(conf_done), len(conf_pending)])
conf_slow.cancel()
json.dumps(res)
`);
py.runPython("del conf_loop, res, conf_three, conf_c, tg, conf_ts, conf_sem, conf_peak, conf_worker, conf_task, conf_fast, conf_slow, conf_done, conf_pending");
return JSON.parse(r);
