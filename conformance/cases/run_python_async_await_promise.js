// runPythonAsync: top-level await of a JS promise gives its value; the result is
// the last expression; code without await works too.
// expect: [42, "done", 7]
globalThis.confDelay = (v) => new Promise((resolve) => setTimeout(() => resolve(v), 5));
const a = await py.runPythonAsync("from js import confDelay\nx = await confDelay(40)\ny = await confDelay(2)\nx + y");
const b = await py.runPythonAsync("'done'");
const c = await py.runPythonAsync("from js import confDelay\nasync def twice(v):\n    return 2 * await confDelay(v) + 1\nawait twice(3)");
return [a, b, c];
