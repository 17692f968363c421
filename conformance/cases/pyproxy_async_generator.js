// A Python async generator from JS (as in Pyodide): [Symbol.asyncIterator]()
// returns the proxy itself and there is no [Symbol.iterator]; next(v),
// throw(e) and return(v) return Promises of {value, done}; `for await` works.
// throw() of a Python exception caught in the generator resolves to what it
// yields next; an uncaught JS Error rejects with PythonError JsException;
// return(v) resolves to {done: true, value: v} (started or not); an exception
// raised inside rejects `for await` with PythonError (KeyError). An object
// with __aiter__/__anext__ (not a generator) is async-iterable and has next
// but no return/throw.
// Deliberate difference from Pyodide (docs/conversions.md): a JS error thrown into the generator and not caught comes back to JS as itself (our JsException round trip), not as a PythonError. Our driver needs no event loop for this.
// expect: [["function", "undefined", true, true], [{"value": 1, "done": false}, {"value": "A", "done": false}, {"value": undefined, "done": true}], [1, "A"], [{"value": "caught v", "done": false}, {"value": undefined, "done": true}], ["TypeError", undefined], [{"value": 8, "done": true}, {"value": undefined, "done": true}], {"value": 9, "done": true}, ["PythonError", "KeyError", [1]], ["function", "function", "undefined", "undefined", [1, 2]]]
py.runPython(`
async def conf_ag():
    try:
        x = yield 1
        yield x
    except ValueError as e:
        yield "caught " + str(e)
async def conf_ag_bad():
    yield 1
    raise KeyError("agk")
class ConfAIter:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 2: raise StopAsyncIteration
        return self.i
`);
const mk = (name) => py.globals.get(name)();
const r = [];
let g = mk("conf_ag");
const first = g.next();
r.push([typeof g[Symbol.asyncIterator], typeof g[Symbol.iterator], g[Symbol.asyncIterator]() === g, first instanceof Promise]);
r.push([await first, await g.next("A"), await g.next()]);
g.destroy();
g = mk("conf_ag");
const seen = [];
for await (const x of g) seen.push(x ?? "A");
r.push(seen);
g.destroy();
g = mk("conf_ag");
await g.next();
const pyErr = py.runPython("ValueError('v')");
r.push([await g.throw(pyErr), await g.next()]);
pyErr.destroy();
g.destroy();
g = mk("conf_ag");
await g.next();
try {
  await g.throw(new TypeError("jt"));
  r.push("no error");
} catch (e) {
  r.push([e.name, e.type]);
}
g.destroy();
g = mk("conf_ag");
await g.next();
r.push([await g.return(8), await g.next()]);
g.destroy();
g = mk("conf_ag");
r.push(await g.return(9));
g.destroy();
g = mk("conf_ag_bad");
const got = [];
try {
  for await (const x of g) got.push(x);
  r.push("no error");
} catch (e) {
  r.push([e.name, e.type, got]);
}
g.destroy();
const ai = py.runPython("ConfAIter()");
const vals = [];
for await (const x of ai) vals.push(x);
r.push([typeof ai[Symbol.asyncIterator], typeof ai.next, typeof ai.return, typeof ai.throw, vals]);
ai.destroy();
return r;
