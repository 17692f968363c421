// A JS exception thrown by a JS function is caught in Python as JsException with the JS name and message.
// expect: "JsException|TypeError|boom 7|True|True"
globalThis.confJsThrow = () => {
  throw new TypeError("boom 7");
};
return py.runPython(`
from js import confJsThrow
try:
    confJsThrow()
    result = "no exception"
except Exception as e:
    result = "|".join([type(e).__name__, e.name, e.message, str("boom 7" in str(e)), str(isinstance(e, Exception))])
result
`);
