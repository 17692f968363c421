// pyodide.console.Console, as in Pyodide: push() buffers an incomplete
// statement ("incomplete"), runs a complete one ("complete") with its output
// sent to the callbacks and its value as the future's result, reports a
// syntax error ("syntax-error"), keeps a raising statement's traceback to the
// user's own frames, allows top-level await, and completes names.
// expect: ["incomplete", "complete", 6, "hi\n", "syntax-error", "SyntaxError", "ZeroDivisionError", true, 42, true, "abc...xyz"]
const r = await py.runPythonAsync(`
from pyodide.console import Console, repr_shorten
out = []
printed = []
c = Console(stdout_callback=printed.append)
f1 = c.push("def conf_f(x):")
out.append(f1.syntax_check)
c.push("    return x * 2")
f2 = c.push("")
out.append(f2.syntax_check)
await f2
f3 = c.push("conf_f(3)")
out.append(await f3)
await c.push("print('hi')")
out.append("".join(printed))
f4 = c.push("1 +* 2")
out.append(f4.syntax_check)
try:
    await f4
except SyntaxError as e:
    out.append(type(e).__name__)
f5 = c.push("1 / 0")
try:
    await f5
except ZeroDivisionError as e:
    out.append(type(e).__name__)
out.append("runcode" not in f5.formatted_error and "ZeroDivisionError" in f5.formatted_error)
await c.push("import asyncio")
out.append(await c.push("await asyncio.sleep(0, 42)"))
names, start = c.complete("conf_")
out.append("conf_f(" in names and start == 0)
out.append(repr_shorten("abc" + "m" * 50 + "xyz", limit=10, split=4).replace("'", ""))
out
`);
try {
  return r.toJs();
} finally {
  r.destroy();
}
