// A Python class instance read from JS through py.globals.get(...).
// expect: [42, "Foo"]
py.runPython(`
class Foo:
    def __init__(self, val):
        self.val = val

foo = Foo(42)
`);
const foo = py.globals.get("foo");
return [foo.val, foo.type];
