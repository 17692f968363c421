// A Python exception raised in runPython is caught in JS as PythonError with type and traceback.
// expect: ["PythonError", "ValueError", true, true, true, true, true]
try {
  py.runPython(`
def conf_fail():
    raise ValueError("bad value 17")

conf_fail()
`);
  return "no exception";
} catch (e) {
  return [
    e.name,
    e.type,
    e instanceof ctx.PythonError,
    e instanceof Error,
    e.message.includes("Traceback"),
    e.message.includes("conf_fail"),
    e.message.trimEnd().endsWith("ValueError: bad value 17"),
  ];
}
