// A generator that raises while JS spreads it throws a PythonError carrying
// the Python exception (type ValueError, the message's last line is the
// exception), as in Pyodide.
// expect-error: PythonError ValueError
// expect-message: ValueError: bad gen
py.runPython(`
def conf_gen_bad():
    yield 1
    raise ValueError("bad gen")
`);
const g = py.globals.get("conf_gen_bad")();
try {
  return [...g];
} finally {
  g.destroy();
}
