// Which PyProxy members exist depends on the Python type's slots (as in
// Pyodide): `length` with __len__, `get` with __getitem__, `set`/`delete` with
// __setitem__, `has` with __contains__, [Symbol.iterator] with __iter__ (or
// __getitem__), `next` on iterators, `throw`/`return` on generators,
// `then`/`catch`/`finally` on awaitables, [Symbol.asyncIterator] on async
// iterables, `getBuffer` on buffers; `callKwargs`/`bind`/`captureThis` on
// callables (typeof "function"). Every proxy has toJs, copy, destroy,
// toString, type. A plain instance has only those: its other members read as
// undefined (a missing Python attribute) and "length"/"get" in it are false.
// A name that is no PyProxy member is the Python attribute: a coroutine's
// `throw` is coroutine.throw (so it shows up below).
// expect: [["plain", "object", "toJs copy destroy toString type"], ["list", "object", "length get set delete has iter toJs copy destroy toString type"], ["dict", "object", "length get set delete has iter toJs copy destroy toString type"], ["tuple", "object", "length get has iter toJs copy destroy toString type"], ["set", "object", "length has iter toJs copy destroy toString type"], ["bytes", "object", "length get has iter getBuffer toJs copy destroy toString type"], ["getitem", "object", "get iter toJs copy destroy toString type"], ["setitem", "object", "set delete toJs copy destroy toString type"], ["contains", "object", "has toJs copy destroy toString type"], ["iterable", "object", "iter toJs copy destroy toString type"], ["iterator", "object", "iter next toJs copy destroy toString type"], ["generator", "object", "iter next throw return toJs copy destroy toString type"], ["callable", "function", "callKwargs bind captureThis toJs copy destroy toString type"], ["function", "function", "callKwargs bind captureThis toJs copy destroy toString type"], ["coroutine", "object", "throw then catch finally toJs copy destroy toString type"], ["asyncgen", "object", "next throw return aiter toJs copy destroy toString type"], [false, false, false, false, undefined, undefined]]
py.runPython(`
class ConfMbPlain:
    x = 1
class ConfMbGet:
    def __getitem__(self, k): return k
class ConfMbSet:
    def __setitem__(self, k, v): pass
    def __delitem__(self, k): pass
class ConfMbHas:
    def __contains__(self, k): return True
class ConfMbIter:
    def __iter__(self): return iter([])
class ConfMbCall:
    def __call__(self): return 1
async def conf_mb_co(): return 1
async def conf_mb_ag():
    yield 1
`);
const names = ["length", "get", "set", "delete", "has", "next", "throw", "return", "then", "catch", "finally", "callKwargs", "bind", "captureThis", "getBuffer", "toJs", "copy", "destroy", "toString", "type"];
const members = (p) => {
  const out = [];
  for (const n of names) {
    if (n === "type" ? typeof p.type === "string" : typeof p[n] === (n === "length" ? "number" : "function")) out.push(n);
    if (n === "has" && typeof p[Symbol.iterator] === "function") out.push("iter");
    if (n === "return" && typeof p[Symbol.asyncIterator] === "function") out.push("aiter");
  }
  return out.join(" ");
};
const cases = [
  ["plain", "ConfMbPlain()"],
  ["list", "[1]"],
  ["dict", "{'a': 1}"],
  ["tuple", "(1,)"],
  ["set", "{1}"],
  ["bytes", "b'a'"],
  ["getitem", "ConfMbGet()"],
  ["setitem", "ConfMbSet()"],
  ["contains", "ConfMbHas()"],
  ["iterable", "ConfMbIter()"],
  ["iterator", "iter([1])"],
  ["generator", "(x for x in [1])"],
  ["callable", "ConfMbCall()"],
  ["function", "lambda: 1"],
  ["coroutine", "conf_mb_co()"],
  ["asyncgen", "conf_mb_ag()"],
];
const r = [];
for (const [label, code] of cases) {
  const p = py.runPython(code);
  r.push([label, typeof p, members(p)]);
  // A coroutine's `throw` and `close` are its Python methods (no PyProxy
  // member): close it so that it does not warn "never awaited".
  if (label === "coroutine") p.close();
  p.destroy();
}
const plain = py.runPython("ConfMbPlain()");
r.push(["length" in plain, "get" in plain, "then" in plain, "next" in plain, plain.get, plain.then]);
plain.destroy();
return r;
