// setStdin: {stdin} gives text per call (null: end of file), {read} fills a
// buffer, {error: true} makes reads an OSError; a source that ends makes
// input() raise EOFError, as in Pyodide.
// expect: ["first line", "second", ["EOFError"], "abc", "OSError", ["EOFError"]]
const r = [];
const lines = ["first line\n", "second\n"];
py.setStdin({ stdin: () => lines.shift() ?? null });
r.push(py.runPython("input()"), py.runPython("input()"));
const eof = `
try:
    input()
    res = ["no EOF"]
except EOFError as e:
    res = [type(e).__name__]
res
`;
r.push(py.runPython(eof).toJs());
let sent = false;
py.setStdin({
  read: (buf) => {
    if (sent) return 0;
    sent = true;
    buf.set(new TextEncoder().encode("abc"));
    return 3;
  },
});
r.push(py.runPython("import sys\nsys.stdin.read()"));
py.setStdin({ error: true });
r.push(py.runPython(`
try:
    sys.stdin.readline()
    res = "no error"
except OSError as e:
    res = type(e).__name__
res
`));
py.setStdin({ stdin: () => null });
r.push(py.runPython(eof).toJs());
py.setStdin(); // here: end of file, the default (Pyodide in Node: the process's stdin)
py.runPython("del res");
return r;
