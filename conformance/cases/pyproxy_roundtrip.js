// A PyProxy passed back into Python is the original Python object again.
// expect: [true, "{\"a\": [1, 2]}"]
py.runPython(`
conf_obj = {"a": [1, 2]}
def conf_is_same(x):
    return x is conf_obj
`);
const d = py.globals.get("conf_obj");
return [py.globals.get("conf_is_same")(d), py.pyimport("json").dumps(d)];
