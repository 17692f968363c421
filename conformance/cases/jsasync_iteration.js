// Async iteration of JS values inside runPythonAsync (as in Pyodide): `async
// for` over a JS async generator (break works; the return value ends it); an
// object with only Symbol.asyncIterator is a JsAsyncIterable (not an
// iterator, not a generator, not sync-iterable) and `async for` works on it;
// its __aiter__() is a JsAsyncIterator (here also a JsAsyncIterable, as
// Python's AsyncIterator is an AsyncIterable; Pyodide's is not: a deliberate
// difference, docs/conversions.md). An async generator is
// JsAsyncIterable, JsAsyncIterator and JsAsyncGenerator, not JsIterable, and
// aiter(g) is g; a sync `for` over it is a TypeError. asend(v) makes the
// yield evaluate to v; athrow(exc) reaches JS as a PythonError and returns
// what JS yields next; a JS `return` while handling it gives
// StopAsyncIteration whose args are (return value,); after the generator ends
// __anext__ raises StopAsyncIteration; aclose() returns None, runs finally,
// and a second aclose() is a no-op; a JS error inside the async generator
// surfaces as JsException.
// expect: [[0, 1, 2, 3], [[1], ["rv"]], [true, false, false, false, [10, 20, 30], [true, true, false]], [true, true, true, false, true, "TypeError"], [0, 1, 2, 3, ["StopAsyncIteration", ["stopped"]], "StopAsyncIteration"], ["sent:10", "caught:PythonError:ValueError: x", "caught:PythonError:ValueError: stop", "finally"], [0, null, "StopAsyncIteration", null, "finally"], ["JsException", "TypeError: agerr"]]
globalThis.confAsLog = [];
globalThis.confAsGen = async function* () {
  try {
    let i = 0;
    while (true) {
      try {
        const v = yield i++;
        if (v !== undefined) confAsLog.push("sent:" + v);
      } catch (e) {
        confAsLog.push("caught:" + e.constructor.name + ":" + e.message.trim());
        if (e.message.includes("stop")) return "stopped";
      }
    }
  } finally {
    confAsLog.push("finally");
  }
};
globalThis.confAsRet = async function* () { yield 1; return "rv"; };
globalThis.confAsOnly = {
  [Symbol.asyncIterator]() {
    let i = 0;
    return { next: () => Promise.resolve(++i <= 3 ? { value: i * 10, done: false } : { value: undefined, done: true }) };
  },
};
globalThis.confAsErr = async function* () { yield 1; throw new TypeError("agerr"); };
const r = await py.runPythonAsync(`
import json
from pyodide.ffi import JsAsyncIterable, JsAsyncIterator, JsAsyncGenerator, JsIterable
from js import confAsGen, confAsRet, confAsOnly, confAsErr, confAsLog
res = []
got = []
async for x in confAsGen():
    got.append(x)
    if x == 3:
        break
res.append(got)
rg = confAsRet()
first = [await rg.__anext__()]
try:
    await rg.__anext__()
    stop = "no stop"
except StopAsyncIteration as e:
    stop = list(e.args)
res.append([first, stop])
res.append([isinstance(confAsOnly, c) for c in (JsAsyncIterable, JsAsyncIterator, JsAsyncGenerator, JsIterable)]
           + [[x async for x in confAsOnly], [isinstance(confAsOnly.__aiter__(), c) for c in (JsAsyncIterable, JsAsyncIterator, JsAsyncGenerator)]])
g = confAsGen()
def conf_sync_for():
    try:
        for x in g:
            pass
        return "no error"
    except TypeError:
        return "TypeError"
res.append([isinstance(g, c) for c in (JsAsyncIterable, JsAsyncIterator, JsAsyncGenerator, JsIterable)] + [g.__aiter__() is g, conf_sync_for()])
confAsLog.length = 0
row = [await g.__anext__(), await g.asend(10), await g.athrow(ValueError("x")), await g.__anext__()]
try:
    await g.athrow(ValueError("stop"))
    row.append("no stop")
except StopAsyncIteration as e:
    row.append(["StopAsyncIteration", list(e.args)])
try:
    await g.__anext__()
    row.append("no stop")
except StopAsyncIteration:
    row.append("StopAsyncIteration")
res.append(row)
res.append(list(confAsLog))
confAsLog.length = 0
g = confAsGen()
row = [await g.__anext__(), await g.aclose()]
try:
    await g.__anext__()
    row.append("no stop")
except StopAsyncIteration:
    row.append("StopAsyncIteration")
row += [await g.aclose(), confAsLog[0]]
res.append(row)
try:
    async for x in confAsErr():
        pass
    res.append("no error")
except Exception as e:
    res.append([type(e).__name__, str(e)])
del g, rg
json.dumps(res)
`);
for (const k of ["confAsLog", "confAsGen", "confAsRet", "confAsOnly", "confAsErr"]) delete globalThis[k];
return JSON.parse(r);
