// Python faults reaching JS through PyProxy operations: __len__ raising
// (p.length) and lying (negative, too big, not an int; a list subclass's
// length too high: the items are still the real ones, and its toJs when its
// __len__ raises is a ConversionError caused by that), __iter__ raising
// ([...p]), __next__ raising after two values (for…of saw both first),
// __getitem__ raising something other than KeyError/IndexError (p.get: a
// KeyError is "missing", undefined), __repr__ raising (p.repr()), __str__
// raising (String(p), p.toString(), a template literal), __contains__
// returning an object whose __bool__ raises (p.has), an item whose __eq__
// raises (list p.has), __hash__ raising (a dict's get/set/has with that
// object as key), __setitem__/__delitem__ raising. Each throws a PythonError
// whose type is the Python exception's class and whose message ends with
// it; the same proxies keep working afterwards, and Node's inspect of a
// proxy whose __repr__ raises describes it instead of throwing.
// expect: [["PythonError", "ValueError", "ValueError: len boom"], ["PythonError", "ValueError", "ValueError: __len__() should return >= 0"], ["PythonError", "OverflowError", "OverflowError: cannot fit 'int' into an index-sized integer"], ["PythonError", "TypeError", "TypeError: 'str' object cannot be interpreted as an integer"], [10, [1, 2], [1, 2], undefined], ["PythonError", "ConversionError", true, "pyodide.ffi.ConversionError: Conversion from python to javascript failed"], ["PythonError", "ValueError", "ValueError: iter boom"], ["PythonError", "ValueError", "ValueError: next boom"], [1, 2], ["PythonError", "ValueError", "ValueError: getitem boom"], [undefined, 7], ["PythonError", "ValueError", "ValueError: repr boom"], ["PythonError", "ValueError", "ValueError: str boom"], ["PythonError", "ValueError", "ValueError: str boom"], ["PythonError", "ValueError", "ValueError: str boom"], ["PythonError", "ValueError", "ValueError: bool boom"], ["PythonError", "ValueError", "ValueError: eq boom"], ["PythonError", "ValueError", "ValueError: hash boom"], ["PythonError", "ValueError", "ValueError: hash boom"], ["PythonError", "ValueError", "ValueError: hash boom"], ["PythonError", "ValueError", "ValueError: setitem boom"], ["PythonError", "ValueError", "ValueError: delitem boom"], [3, "ConfFd", true, 2, true], 42]
py.runPython(`
class ConfFd:
    def __init__(self): self.n = 0
    def __len__(self): raise ValueError("len boom")
    def __iter__(self): raise ValueError("iter boom")
    def __getitem__(self, k):
        if k == "missing": raise KeyError(k)
        if k == "ok": return 7
        raise ValueError("getitem boom")
    def __setitem__(self, k, v): raise ValueError("setitem boom")
    def __delitem__(self, k): raise ValueError("delitem boom")
    def __repr__(self): raise ValueError("repr boom")
    def __str__(self): raise ValueError("str boom")
    def __contains__(self, k): return ConfFdBadBool()
    def method(self): return 3
class ConfFdBadBool:
    def __bool__(self): raise ValueError("bool boom")
class ConfFdBadEq:
    def __eq__(self, other): raise ValueError("eq boom")
    __hash__ = object.__hash__
class ConfFdBadHash:
    def __hash__(self): raise ValueError("hash boom")
class ConfFdLen:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
class ConfFdLieList(list):
    def __len__(self): return 10
class ConfFdBadList(list):
    def __len__(self): raise ValueError("list len boom")
class ConfFdMid:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 2: raise ValueError("next boom")
        return self.i
`);
const last = (e) => String(e?.message).trim().split("\n").at(-1);
const err = (f) => {
  try {
    f();
    return "no error";
  } catch (e) {
    return [e?.name, e?.type, last(e)];
  }
};
const own = [];
const make = (code) => {
  const p = py.runPython(code);
  own.push(p);
  return p;
};
try {
  const p = make("ConfFd()");
  const r = [err(() => p.length)];
  for (const n of ["-1", "2**70", "'3'"]) {
    const q = make(`ConfFdLen(${n})`);
    r.push(err(() => q.length));
  }
  // A list whose __len__ lies: length says so, the items are the real ones.
  const lie = make("ConfFdLieList([1, 2])");
  r.push([lie.length, [...lie], lie.toJs(), lie.get(5)]);
  // toJs of a list whose __len__ raises: ConversionError caused by it.
  const badList = make("ConfFdBadList([1])");
  try {
    badList.toJs();
    r.push("no error");
  } catch (e) {
    r.push([e?.name, e?.type, e.message.includes("ValueError: list len boom"), last(e)]);
  }
  r.push(err(() => [...p]));
  const mid = make("ConfFdMid()");
  const seen = [];
  r.push(
    err(() => {
      for (const v of mid) seen.push(v);
    }),
    seen,
  );
  r.push(err(() => p.get(1)), [p.get("missing"), p.get("ok")]);
  r.push(err(() => p.repr()), err(() => String(p)), err(() => p.toString()), err(() => `${p}`));
  r.push(err(() => p.has(1)));
  const eqList = make("[ConfFdBadEq()]");
  r.push(err(() => eqList.has(1)));
  const d = make("{1: 2}");
  const badKey = make("ConfFdBadHash()");
  r.push(err(() => d.get(badKey)), err(() => d.set(badKey, 1)), err(() => d.has(badKey)));
  r.push(err(() => p.set(1, 2)), err(() => p.delete(1)));
  // The same proxies still work; inspect describes what repr cannot.
  let described = true;
  if (ctx.host === "node") {
    const util = await import("node:util");
    described = util.inspect(p).includes("repr failed");
  }
  r.push([p.method(), p.type, d.has(1), d.get(1), described]);
  r.push(py.runPython("6 * 7"));
  return r;
} finally {
  for (const p of own) p.destroy();
}
