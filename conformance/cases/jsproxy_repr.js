// repr() of a JsProxy is JS String(x), as in Pyodide.
// expect: "custom-repr|1,2,3|[object Math]"
globalThis.confReprObj = { toString: () => "custom-repr" };
globalThis.confReprArr = [1, 2, 3];
return py.runPython(`
from js import confReprObj, confReprArr, Math
"|".join([repr(confReprObj), repr(confReprArr), repr(Math)])
`);
