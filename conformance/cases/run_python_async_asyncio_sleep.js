// runPythonAsync runs its code as a Task on the asyncio event loop, which runs
// on the JS event loop: top-level `await asyncio.sleep(...)` works, and so do
// gather, a Queue between two tasks, an Event, a Lock, and wait_for.
// expect: [5, [0, 2, 4], [0, 1, 2], "set", [1, 2], "TimeoutError"]
const r = [];
r.push(await py.runPythonAsync("import asyncio\nawait asyncio.sleep(0.01)\n5"));
const g = await py.runPythonAsync(`
import asyncio
async def conf_double(x):
    await asyncio.sleep(0.001 * (5 - x))
    return x * 2
await asyncio.gather(*(conf_double(i) for i in range(3)))
`);
r.push(g.toJs());
g.destroy();
const q = await py.runPythonAsync(`
conf_q = asyncio.Queue()
async def conf_prod():
    for i in range(3):
        await conf_q.put(i)
        await asyncio.sleep(0)
asyncio.ensure_future(conf_prod())
[await conf_q.get() for _ in range(3)]
`);
r.push(q.toJs());
q.destroy();
r.push(await py.runPythonAsync(`
conf_ev = asyncio.Event()
asyncio.get_running_loop().call_later(0.005, conf_ev.set)
await conf_ev.wait()
"set"
`));
const l = await py.runPythonAsync(`
conf_lock = asyncio.Lock()
conf_order = []
async def conf_locked(i):
    async with conf_lock:
        await asyncio.sleep(0.001)
        conf_order.append(i)
await asyncio.gather(conf_locked(1), conf_locked(2))
conf_order
`);
r.push(l.toJs());
l.destroy();
r.push(await py.runPythonAsync(`
try:
    await asyncio.wait_for(asyncio.sleep(10), 0.005)
    res = "no timeout"
except TimeoutError as e:
    res = type(e).__name__
res
`));
py.runPython("del conf_double, conf_q, conf_prod, conf_ev, conf_lock, conf_order, conf_locked, res");
return r;
