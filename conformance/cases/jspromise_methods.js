// JsPromise methods from Python inside runPythonAsync, the parts where
// Pyodide's then() works (see jspromise_methods_then_value.js for the rest).
// A promise read from a JS property is a JsPromise with then, catch and
// finally_ (getattr(p, "finally") reaches JS's own too); they return
// JsPromises that can be awaited. then(onfulfilled, onrejected) and
// catch(onrejected) on a rejected promise resolve to the handler's result,
// the handler getting a JsException (name, message). finally_(f) calls f
// with no arguments and passes the value through, or the rejection (awaiting
// raises JsException). Awaiting a JsProxy without then() is a TypeError
// "... can't be awaited" (CPython 3.14's wording, as Pyodide gives it; 3.13,
// which we run, says "can't be used in 'await' expression":
// "'pyodide.ffi.JsProxy' object can't be awaited"). NOTE: Pyodide turns a
// promise *returned by a JS call* into a PyodideFuture (its asyncio future
// with then/catch/finally_), so this case reads promises from properties.
// expect: [[true, true, true, true, true], ["JsException", "RangeError: oops"], ["JsException", "RangeError", "oops"], [5, ["fin"]], ["JsException", "RangeError", ["fin", "fin2"]], [true, true, true], ["TypeError", true, "TypeError", true]]
globalThis.confPm = { ok: Promise.resolve(5), bad: Promise.reject(new RangeError("oops")), plain: { a: 1 }, arr: [1] };
confPm.bad.catch(() => {});
const r = await py.runPythonAsync(`
import json
from pyodide.ffi import JsPromise
from js import confPm
ok = confPm.ok
bad = confPm.bad
res = [[isinstance(ok, JsPromise), hasattr(ok, "then"), hasattr(ok, "catch"), hasattr(ok, "finally"), hasattr(ok, "finally_")]]
res.append(await bad.then(lambda x: "fulfilled?", lambda e: [type(e).__name__, str(e)]))
res.append(await bad.catch(lambda e: [type(e).__name__, e.name, e.message]))
log = []
res.append([await ok.finally_(lambda: log.append("fin")), list(log)])
try:
    await bad.finally_(lambda: log.append("fin2"))
    res.append("no error")
except Exception as e:
    res.append([type(e).__name__, e.name, list(log)])
res.append([isinstance(p, JsPromise) for p in (ok.then(lambda x: x), bad.catch(lambda e: 0), ok.finally_(lambda: None))])
row = []
for v in (confPm.plain, confPm.arr):
    try:
        await v
        row += ["no error", False]
    except TypeError as e:
        row += ["TypeError", "can't be awaited" in str(e) or "can't be used in 'await' expression" in str(e)]
res.append(row)
del ok, bad, log, row
json.dumps(res)
`);
delete globalThis.confPm;
return JSON.parse(r);
