// A Python lambda passed to a JS function, which calls it (Python -> JS -> Python).
// expect: 41
globalThis.confCallIt = (f, x) => f(x) + 1;
return py.runPython("from js import confCallIt\nconfCallIt(lambda v: v * 2, 20)");
