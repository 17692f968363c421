// JS functions called from Python with 0 to 5 arguments (the short lists take a
// faster path) and with keyword arguments, which arrive as one trailing object.
// expect: ["[]", "[1]", "[1,2]", "[1,2,3]", "[1,2,3,4]", "[1,2,3,4,5]", "[1,{\"k\":2}]", "[{\"a\":1,\"b\":2}]"]
globalThis.confArgs = (...args) => JSON.stringify(args);
py.runPython("from js import confArgs as f");
return [
  py.runPython("f()"),
  py.runPython("f(1)"),
  py.runPython("f(1, 2)"),
  py.runPython("f(1, 2, 3)"),
  py.runPython("f(1, 2, 3, 4)"),
  py.runPython("f(1, 2, 3, 4, 5)"),
  py.runPython("f(1, k=2)"),
  py.runPython("f(a=1, b=2)"),
];
