// bool() of a JsProxy: empty array False, non-empty array True, any plain object (even empty) True.
// expect: "False,True,True,True"
globalThis.confEmptyArr = [];
globalThis.confFullArr = [0];
globalThis.confEmptyObj = {};
globalThis.confFn = () => 0;
return py.runPython(`
from js import confEmptyArr, confFullArr, confEmptyObj, confFn
",".join(str(bool(x)) for x in [confEmptyArr, confFullArr, confEmptyObj, confFn])
`);
