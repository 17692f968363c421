// Keyword arguments from JS (as in Pyodide): f.callKwargs(...args, kwargs)
// takes the last argument as the keyword object (it must be a plain object:
// a null-prototype object is accepted; an Array or Map is TypeError "kwargs
// argument is not an object"; no argument at all is TypeError "callKwargs
// requires at least one argument (the key word argument object)"). A keyword
// that repeats a positional is PythonError TypeError. callWithOptions({kwargs:
// true}, ...args, kw) is the same, {} calls plainly, {relaxed: true} drops
// arguments the function does not accept; callRelaxed(...) likewise.
// expect: ["(1, 2, (), [])", "(1, 2, (), [('c', 3)])", "(5, 0, (), [])", "(1, 0, (), [])", ["TypeError", "kwargs argument is not an object"], ["TypeError", "kwargs argument is not an object"], ["TypeError", "callKwargs requires at least one argument (the key word argument object)"], ["PythonError", "TypeError: conf_kw() got multiple values for argument 'a'"], "(1, 9, (), [])", "(1, 2, (), [])", ["TypeError", "callWithOptions with 'kwargs: true' requires at least one argument (the key word argument object)"], 8, 8]
py.runPython(`
def conf_kw(a, b=0, *args, **kw):
    return repr((a, b, args, sorted(kw.items())))
conf_kw_one = lambda a: a * 2
`);
const f = py.globals.get("conf_kw");
const one = py.globals.get("conf_kw_one");
const err = (g) => {
  try {
    g();
    return "no error";
  } catch (e) {
    return [e.name, e.name === "PythonError" ? e.message.trim().split("\n").pop() : e.message];
  }
};
const r = [
  f.callKwargs(1, { b: 2 }),
  f.callKwargs(1, { b: 2, c: 3 }),
  f.callKwargs({ a: 5 }),
  f.callKwargs(1, Object.create(null)),
  err(() => f.callKwargs(1, [2])),
  err(() => f.callKwargs(1, new Map())),
  err(() => f.callKwargs()),
  err(() => f.callKwargs(1, { a: 2 })),
  f.callWithOptions({ kwargs: true }, 1, { b: 9 }),
  f.callWithOptions({}, 1, 2),
  err(() => f.callWithOptions({ kwargs: true })),
  one.callWithOptions({ relaxed: true }, 4, 5, 6),
  one.callRelaxed(4, 5),
];
f.destroy();
one.destroy();
return r;
