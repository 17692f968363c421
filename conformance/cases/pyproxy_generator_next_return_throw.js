// A Python generator driven from JS (as in Pyodide): next(v) sends v and gives
// {value, done}; the generator's return value arrives as {done: true, value};
// after that next() gives {done: true, value: undefined}. next("X") on a
// just-started generator is PythonError TypeError. throw(e) raises e at the
// paused yield: a Python exception (a PyProxy of it) can be caught there; a JS
// Error arrives as a JsException and, uncaught, comes out as PythonError of
// type JsException; a non-exception (a string) is PythonError TypeError.
// return(v) closes it by raising GeneratorExit at the yield: {done: true,
// value: v}, also on an unstarted generator; if the generator returns a value
// while handling GeneratorExit, that value is returned; if it yields instead,
// return() gives that yield ({done: false}) rather than raising.
// Deliberate difference from Pyodide (docs/conversions.md): a JS error thrown into a generator and not caught comes back to JS as itself (our JsException round trip), not as a PythonError.
// expect: [[{"done": false, "value": 1}, {"done": false, "value": 2}, {"done": true, "value": "A|B"}, {"done": true, "value": undefined}], ["PythonError", "TypeError", "TypeError: can't send non-None value to a just-started generator"], [{"done": false, "value": "caught pv"}, {"done": true, "value": "caught pv"}], ["Error", undefined, false], ["PythonError", "TypeError", "TypeError: exceptions must be classes or instances deriving from BaseException, not str"], [{"done": true, "value": 5}, {"done": true, "value": undefined}], {"done": true, "value": 6}, {"done": true, "value": "from-except"}, {"done": false, "value": "second"}]
py.runPython(`
def conf_gn():
    got = []
    try:
        x = yield 1
        got.append(x)
        x = yield 2
        got.append(x)
    except ValueError as e:
        got.append("caught " + str(e))
        yield got[-1]
    return "|".join(got)
def conf_gn_exit():
    try:
        yield 1
    except GeneratorExit:
        return "from-except"
def conf_gn_stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "second"
`);
const mk = (name) => py.globals.get(name)();
const err = (f) => {
  try {
    f();
    return "no error";
  } catch (e) {
    return [e.name, e.type, e.message.trim().split("\n").pop()];
  }
};
const r = [];
let g = mk("conf_gn");
r.push([g.next(), g.next("A"), g.next("B"), g.next()]);
g.destroy();
g = mk("conf_gn");
r.push(err(() => g.next("X")));
g.destroy();
g = mk("conf_gn");
g.next();
const pyErr = py.runPython("ValueError('pv')");
r.push([g.throw(pyErr), g.next()]);
pyErr.destroy();
g.destroy();
g = mk("conf_gn");
g.next();
const jsErr = err(() => g.throw(new Error("boom")));
r.push([jsErr[0], jsErr[1], jsErr[2].includes("Error: boom")]);
g.destroy();
g = mk("conf_gn");
g.next();
r.push(err(() => g.throw("str")));
g.destroy();
g = mk("conf_gn");
g.next();
r.push([g.return(5), g.next()]);
g.destroy();
g = mk("conf_gn");
r.push(g.return(6));
g.destroy();
g = mk("conf_gn_exit");
g.next();
r.push(g.return(7));
g.destroy();
g = mk("conf_gn_stubborn");
g.next();
r.push(g.return(8));
g.destroy();
return r;
