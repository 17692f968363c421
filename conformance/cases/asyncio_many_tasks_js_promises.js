// 10^4 concurrent tasks, each awaiting a JS promise (resolved later by a JS
// timer), all finish with the right values, and afterwards the live handles
// are back at their baseline (the harness checks that after every case).
// expect: [10000, 49995000]
globalThis.confLater = (v) => new Promise((resolve) => setTimeout(() => resolve(v), 1));
const r = await py.runPythonAsync(`
import asyncio
from js import confLater
async def conf_one(i):
    return await confLater(i)
conf_vals = await asyncio.gather(*(conf_one(i) for i in range(10000)))
[len(conf_vals), sum(conf_vals)]
`);
const out = r.toJs();
r.destroy();
py.runPython("del conf_one, conf_vals, confLater");
delete globalThis.confLater;
return out;
