// `in`, set and delete on a PyProxy reach the Python object.
// expect: [true, false, false, 7, "hello"]
py.runPython(`
class ConfBox:
    pass

conf_box = ConfBox()
conf_box.a = 1
`);
const b = py.globals.get("conf_box");
const r = ["a" in b, "zz" in b];
b.c = 7;
b.s = "hello";
delete b.a;
r.push(py.runPython("hasattr(conf_box, 'a')"), py.runPython("conf_box.c"), py.runPython("conf_box.s"));
return r;
