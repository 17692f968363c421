// A getter that throws, or a Proxy whose ownKeys trap throws, makes to_py()
// raise JsException in Python (never a crash), and the runtime stays usable.
// expect: ["JsException", "JsException"]
globalThis.confToPyBad = {
  get boom() {
    throw new TypeError("getter says no");
  },
};
globalThis.confToPyProxy = new Proxy(
  {},
  {
    ownKeys() {
      throw new Error("ownKeys says no");
    },
  },
);
const r = py.runPython(`
import json
from js import confToPyBad, confToPyProxy
out = []
for o in (confToPyBad, confToPyProxy):
    try:
        o.to_py()
        out.append("no error")
    except Exception as e:
        out.append(type(e).__name__)
json.dumps(out)
`);
delete globalThis.confToPyBad;
delete globalThis.confToPyProxy;
return JSON.parse(r);
