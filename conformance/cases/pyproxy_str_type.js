// String(proxy) is Python str(); proxy.type is the class name.
// expect: ["<Widget 9>", "Widget", "dict"]
py.runPython(`
class Widget:
    def __str__(self):
        return "<Widget 9>"

conf_w = Widget()
conf_d = {"k": 1}
`);
const w = py.globals.get("conf_w");
return [String(w), w.type, py.globals.get("conf_d").type];
