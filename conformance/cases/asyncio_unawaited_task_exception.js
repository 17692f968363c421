// A task that raises and that nobody awaits is not silent: when it is
// collected, asyncio's exception handler writes "Task exception was never
// retrieved" and the traceback to stderr (Pyodide's handler writes
// "Unhandled exception in event loop": the case checks the traceback).
// expect: "done"
// expect-stderr: ValueError: conf lost
await py.runPythonAsync(`
import asyncio, gc
async def conf_fail():
    raise ValueError("conf lost")
conf_t = asyncio.ensure_future(conf_fail())
await asyncio.sleep(0.001)
del conf_t
gc.collect()
`);
py.runPython("del conf_fail");
return "done";
