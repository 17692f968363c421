// An iterable whose [Symbol.iterator]() returns a bare iterator object (a
// `next` method and no [Symbol.iterator] of its own, which JS's for…of
// accepts) iterates from Python, and its next() throwing mid-way is a
// JsException after the values before it. Pyodide makes any object with a
// `next` method (and no Symbol.asyncIterator) a JsIterator; here such an
// object used to be a plain JsProxy, so iter() failed with "iter() returned
// non-iterator of type 'pyodide.ffi.JsProxy'".
// expect: [[1, 2, 3], [1, 2, 3], ["JsException", "Error", true], [1, 2], true]
const bare = (n, failAt) => ({
  [Symbol.iterator]() {
    let i = 0;
    return {
      next() {
        if (i === failAt) throw new Error("bare next boom");
        return i < n ? { value: ++i, done: false } : { value: undefined, done: true };
      },
    };
  },
});
globalThis.confBareOk = bare(3, -1);
globalThis.confBareBad = bare(3, 2);
const js = [...confBareOk];
return JSON.parse(
  py.runPython(`
import json
from js import confBareOk, confBareBad
conf_bare_seen = []
def conf_bare_loop():
    for x in confBareBad:
        conf_bare_seen.append(x)
try:
    conf_bare_loop()
    conf_bare_err = "no error"
except Exception as e:
    conf_bare_err = [type(e).__name__, getattr(e, "name", None), "bare next boom" in str(e)]
json.dumps([${JSON.stringify(js)}, list(confBareOk), conf_bare_err, conf_bare_seen, iter(iter(confBareOk)) is not None])
`),
);
