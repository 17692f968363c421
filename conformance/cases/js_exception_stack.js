// A JsException carries the JS error: `js_error` (a proxy of it), `name`,
// `message`, and the error's other properties such as `stack`, both for an
// error thrown by JS and for one that arrives as a value (as in Pyodide,
// where a JsException is a JsProxy of the error).
// expect: [["JsException", "RangeError", "boom", true, true, "RangeError: boom"], ["JsException", "TypeError", "val", true, 7]]
globalThis.confStk = {
  thrower() {
    throw new RangeError("boom");
  },
  value: Object.assign(new TypeError("val"), { code: 7 }),
};
const r = py.runPython(`
import json
from js import confStk
from pyodide.ffi import JsException
try:
    confStk.thrower()
except JsException as e:
    a = [type(e).__name__, e.name, e.message, "boom" in e.stack, e.js_error is not None, str(e)]
v = confStk.value
b = [type(v).__name__, v.name, v.message, isinstance(v.stack, str), v.code]
del v
json.dumps([a, b])
`);
delete globalThis.confStk;
return JSON.parse(r);
