// A JS function defined in JS, imported and called from Python.
// expect: [32, "ab-ab"]
globalThis.confJsAdd = (a, b) => a + b * 10;
globalThis.confJsRepeat = (s, n) => Array(n).fill(s).join("-");
return [
  py.runPython("from js import confJsAdd\nconfJsAdd(2, 3)"),
  py.runPython("from js import confJsRepeat\nconfJsRepeat('ab', 2)"),
];
