// A JS error whose `name` getter itself throws is still caught in Python as
// JsException: reading the error's name and message must not let the getter's
// own error escape runPython (it used to escape as the raw JS error).
// expect: ["JsException", "after"]
globalThis.confNameThrows = () => {
  const err = new Error("inner message");
  Object.defineProperty(err, "name", {
    get() {
      throw new Error("the name getter threw");
    },
  });
  throw err;
};
try {
  return JSON.parse(
    py.runPython(`
import json
from js import confNameThrows
try:
    confNameThrows()
    conf_r = ["no exception"]
except Exception as e:
    conf_r = [type(e).__name__]
conf_r.append("after")
json.dumps(conf_r)
`),
  );
} finally {
  delete globalThis.confNameThrows;
}
