// A Python task awaiting a JS promise that never settles does not hold the
// runtime up: while it is pending, runPython works, runPythonAsync code
// sleeps, awaits other JS promises and gathers tasks, and another task can
// await a second never-settling promise too. Cancelling the tasks at the end
// raises CancelledError at their `await` (their except/finally run), and
// after a GC both handle tables are back where they were, though the JS
// promises are still pending (and kept alive by the test until then).
// expect: [[false, false], 42, 5, [1, 2, 3], [false, false], ["cancelled", "finally", "cancelled", "finally"], [true, true], 0, 0]
const never1 = new Promise(() => {});
const never2 = new Promise(() => {});
globalThis.confPnNever = () => never1;
globalThis.confPnNever2 = never2;
globalThis.confPnLater = (v) => new Promise((resolve) => setTimeout(() => resolve(v), 5));
try {
  py.runPython("import asyncio");
  await ctx.gc();
  const before = py.liveHandles();
  await py.runPythonAsync(`
import asyncio
from js import confPnNever, confPnNever2, confPnLater
conf_pn_log = []
async def conf_pn_wait(p):
    try:
        await p
        conf_pn_log.append("settled?")
    except asyncio.CancelledError:
        conf_pn_log.append("cancelled")
        raise
    finally:
        conf_pn_log.append("finally")
conf_pn_tasks = [asyncio.ensure_future(conf_pn_wait(confPnNever())), asyncio.ensure_future(conf_pn_wait(confPnNever2))]
await asyncio.sleep(0)
`);
  const r = [py.runPython("[t.done() for t in conf_pn_tasks]").toJs()];
  r.push(py.runPython("6 * 7"));
  r.push(await py.runPythonAsync("await asyncio.sleep(0.01)\nawait confPnLater(5)"));
  const gathered = await py.runPythonAsync("list(await asyncio.gather(confPnLater(1), confPnLater(2), asyncio.sleep(0.005, 3)))");
  r.push(gathered.toJs());
  gathered.destroy();
  r.push(py.runPython("[t.done() for t in conf_pn_tasks]").toJs());
  await py.runPythonAsync(`
for conf_pn_t in conf_pn_tasks:
    conf_pn_t.cancel()
del conf_pn_t
conf_pn_results = await asyncio.gather(*conf_pn_tasks, return_exceptions=True)
`);
  r.push(py.runPython("conf_pn_log").toJs());
  r.push(py.runPython("[isinstance(x, asyncio.CancelledError) for x in conf_pn_results]").toJs());
  py.runPython("del conf_pn_tasks, conf_pn_results, conf_pn_wait, confPnNever, confPnNever2, confPnLater");
  await ctx.gc();
  let after = py.liveHandles();
  for (let i = 0; i < 10 && (after.js !== before.js || after.py !== before.py); i++) {
    await ctx.gc();
    after = py.liveHandles();
  }
  r.push(after.js - before.js, after.py - before.py);
  return r;
} finally {
  delete globalThis.confPnNever;
  delete globalThis.confPnNever2;
  delete globalThis.confPnLater;
}
