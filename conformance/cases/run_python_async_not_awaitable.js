// Awaiting a JS object that has no then() is a TypeError naming the problem.
// expect-error: PythonError TypeError
// expect-message: can't be used in 'await' expression
await py.runPythonAsync("from js import Object\nawait Object.new()");
