// Cancelling a task that awaits a JS promise which never settles leaves
// nothing behind in Python: after 20 such tasks are cancelled and garbage is
// collected, no more cancelled asyncio Futures are alive than before. The
// loop used to keep the Future it made for each awaited promise in its table
// of pending promises until the promise settled, so for a promise that never
// settles, for good (one Future per cancelled await). The fix is in the
// shipped _bridge_loop.py, which is compiled into the module (include_str!):
// it takes effect with the next build.
// expect: [20, 0]
const never = new Promise(() => {});
globalThis.confPncNever = never;
const count = `
import asyncio, gc
gc.collect()
sum(1 for o in gc.get_objects() if isinstance(o, asyncio.Future) and o.cancelled())
`;
const before = py.runPython(count);
const cancelled = await py.runPythonAsync(`
import asyncio
from js import confPncNever
async def conf_pnc_wait():
    await confPncNever
conf_pnc_tasks = [asyncio.ensure_future(conf_pnc_wait()) for _ in range(20)]
await asyncio.sleep(0)
for conf_pnc_t in conf_pnc_tasks:
    conf_pnc_t.cancel()
conf_pnc_n = sum(isinstance(r, asyncio.CancelledError) for r in await asyncio.gather(*conf_pnc_tasks, return_exceptions=True))
del conf_pnc_tasks, conf_pnc_t, conf_pnc_wait, confPncNever
await asyncio.sleep(0)
conf_pnc_n
`);
return [cancelled, py.runPython(count) - before];
