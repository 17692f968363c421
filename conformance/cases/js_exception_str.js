// str() of a caught JS Error is "Name: message", as in Pyodide.
// expect: ["Error: boom", "RangeError: out of range 3"]
globalThis.confThrowError = () => {
  throw new Error("boom");
};
globalThis.confThrowRange = () => {
  throw new RangeError("out of range 3");
};
return [confThrowError, confThrowRange].map((_, i) =>
  py.runPython(`
from js import confThrowError, confThrowRange
try:
    [confThrowError, confThrowRange][${i}]()
    r = "no exception"
except Exception as e:
    r = str(e)
r
`),
);
