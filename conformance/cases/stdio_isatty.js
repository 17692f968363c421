// isatty of the standard streams, as in Pyodide: no stream is a terminal by
// default or with a batched handler; setStdout/setStderr({raw or write,
// isatty: true}) and setStdin({stdin, isatty: true}) make one; batched with
// isatty: true is a TypeError.
// expect: [[false, false, false], [true, false, false], [true, true, true], "TypeError", [false, false, false]]
const q = "import sys\n[sys.stdout.isatty(), sys.stderr.isatty(), sys.stdin.isatty()]";
const ask = () => {
  const r = py.runPython(q);
  try {
    return r.toJs();
  } finally {
    r.destroy();
  }
};
const out = [ask()];
try {
  py.setStdout({ write: (b) => b.length, isatty: true });
  out.push(ask());
  py.setStderr({ raw: () => {}, isatty: true });
  py.setStdin({ stdin: () => null, isatty: true });
  out.push(ask());
  try {
    py.setStdout({ batched: () => {}, isatty: true });
    out.push("accepted");
  } catch (e) {
    out.push(e.name);
  }
} finally {
  py.setStdout();
  py.setStderr();
  py.setStdin();
}
out.push(ask());
return out;
