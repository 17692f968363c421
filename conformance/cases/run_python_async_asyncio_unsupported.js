// asyncio primitives need an event loop the bridge does not run yet: awaiting
// one raises a RuntimeError saying so, instead of hanging.
// expect-error: PythonError RuntimeError
// expect-message: event loop
await py.runPythonAsync("import asyncio\nawait asyncio.sleep(0)");
