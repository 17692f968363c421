// A Python class instance read from JS through pyimport("__main__").
// expect: [42, 43]
py.runPython(`
class Foo:
    def __init__(self, val):
        self.val = val

foo = Foo(42)
foo2 = Foo(43)
`);
const main = py.pyimport("__main__");
return [main.foo.val, main.foo2.val];
