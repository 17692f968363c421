// pyodide.http errors: a request to a port nobody listens on is an OSError
// (the JS TypeError's message), a bad request argument is a TypeError, an
// aborted request is an AbortError (an OSError), and cancelling the task that
// awaits pyfetch aborts the request.
// Deliberate difference from Pyodide (docs/porting-from-pyodide.md): Pyodide
// reports the network failure as an AbortError too; here only an abort is an
// AbortError (both are OSErrors, so `except OSError` works on both).
// expect: ["OSError", true, "AbortError", true, "CancelledError"]
globalThis.confHttpBase2 = ctx.serverURL;
try {
  const r = await py.runPythonAsync(`
import asyncio
from js import confHttpBase2 as base, AbortController
from pyodide.http import pyfetch, AbortError
out = []
try:
    await pyfetch("http://127.0.0.1:9/nothing-listens-here")
except OSError as e:
    out += [type(e).__name__, len(str(e)) > 0]
ac = AbortController.new()
ac.abort()
try:
    await pyfetch(base + "__test/echo", signal=ac.signal)
except AbortError as e:
    out += [type(e).__name__, isinstance(e, OSError)]
t = asyncio.ensure_future(pyfetch(base + "__test/echo"))
await asyncio.sleep(0)
t.cancel()
try:
    await t
except asyncio.CancelledError as e:
    out.append(type(e).__name__)
out
`);
  const v = r.toJs();
  r.destroy();
  return v;
} finally {
  delete globalThis.confHttpBase2;
}
