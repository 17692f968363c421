// A rejected promise raises JsException at the await, with the JS name and message,
// and Python can catch it and go on.
// expect: ["JsException", "RangeError", "nope", "after"]
globalThis.confReject = () => Promise.reject(new RangeError("nope"));
const out = await py.runPythonAsync(`
import json
from js import confReject
try:
    await confReject()
except Exception as e:
    r = [type(e).__name__, e.name, e.message]
r.append("after")
json.dumps(r)
`);
return JSON.parse(out);
