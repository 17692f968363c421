// A Python exception after an await rejects runPythonAsync's promise with PythonError.
// expect-error: PythonError ValueError
// expect-message: after await
await py.runPythonAsync("from js import Promise\nawait Promise.resolve(1)\nraise ValueError('after await')");
