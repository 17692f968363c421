// A Python function called from JS that raises gives PythonError(KeyError) to the JS caller.
// expect: ["PythonError", "KeyError", true]
py.runPython(`
def conf_lookup(k):
    return {"a": 1}[k]
`);
const f = py.globals.get("conf_lookup");
try {
  f("zz");
  return "no exception";
} catch (e) {
  return [e.name, e.type, e.message.includes("'zz'")];
}
