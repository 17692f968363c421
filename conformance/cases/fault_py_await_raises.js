// JS `await` of a PyProxy awaitable whose __await__ misbehaves: raises at
// once, raises after a yield, returns a non-iterator, or yields a value the
// asyncio loop cannot use. Each rejects with a PythonError of the Python
// exception's type (TypeError "returned non-iterator", asyncio's
// RuntimeError "bad yield"), through `await` and through then(); a
// well-behaved one awaited after them still resolves, and the proxies can
// be destroyed.
// expect: [["PythonError", "ValueError", "ValueError: await boom", "ValueError"], ["PythonError", "KeyError", "KeyError: 'later'", "KeyError"], ["PythonError", "TypeError", "TypeError: __await__() returned non-iterator of type 'int'", "TypeError"], ["PythonError", "RuntimeError", "RuntimeError: Task got bad yield: 12345", "RuntimeError"], ["ok", "fine", "fine"], 42]
py.runPython(`
class ConfFaw:
    def __await__(self): raise ValueError("await boom")
class ConfFawLater:
    def __await__(self):
        yield
        raise KeyError("later")
class ConfFawNotIter:
    def __await__(self): return 5
class ConfFawJunk:
    def __await__(self):
        yield 12345
        return 1
class ConfFawOk:
    def __await__(self):
        yield
        return "fine"
`);
const r = [];
for (const code of ["ConfFaw()", "ConfFawLater()", "ConfFawNotIter()", "ConfFawJunk()", "ConfFawOk()"]) {
  const a = py.runPython(code);
  try {
    let row;
    try {
      row = ["ok", await a];
    } catch (e) {
      row = [e?.name, e?.type, String(e?.message).trim().split("\n").at(-1)];
    }
    try {
      row.push(await a.then((v) => v));
    } catch (e) {
      row.push(e?.type);
    }
    r.push(row);
  } finally {
    a.destroy();
  }
}
r.push(py.runPython("6 * 7"));
return r;
