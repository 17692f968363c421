// JS faults reached from Python attribute reads and string conversion: a
// getter that throws (read as `o.x`, through getattr with a default, hasattr,
// to_py and object_values), a toString that throws (str, repr, an f-string,
// %-formatting, print) and a Symbol.toPrimitive that throws (str). Each is a
// JsException in Python whose `name` is the JS error's and whose message
// holds the thrown message; Python catches it and goes on (the object's
// other properties still read). Uncaught, the same JS error object comes out
// of runPython (identity kept); re-raised as another Python exception, JS
// gets a PythonError of that type whose traceback names the JsException and
// the JS message. The runtime stays usable.
// expect: [[["JsException", "TypeError", true], ["JsException", "TypeError", true], ["JsException", "TypeError", true], ["JsException", "TypeError", true], ["JsException", "TypeError", true], ["JsException", "Error", true], ["JsException", "Error", true], ["JsException", "Error", true], ["JsException", "Error", true], ["JsException", "Error", true], ["JsException", "Error", true], 5, 42], [true, "TypeError"], ["PythonError", "RuntimeError", true, true, true]]
const boom = new TypeError("getter boom");
globalThis.confFgX = {
  ok: 5,
  get boom() {
    throw boom;
  },
};
globalThis.confFgS = {
  toString() {
    throw new Error("toString boom");
  },
};
globalThis.confFgP = {
  [Symbol.toPrimitive]() {
    throw new Error("toPrimitive boom");
  },
};
const inPython = JSON.parse(
  py.runPython(`
import json
from js import confFgX, confFgS, confFgP
def conf_fg_err(f, needle):
    try:
        f()
        return "no error"
    except Exception as e:
        return [type(e).__name__, getattr(e, "name", None), needle in str(e)]
conf_fg_res = [
    conf_fg_err(lambda: confFgX.boom, "getter boom"),
    conf_fg_err(lambda: getattr(confFgX, "boom", 1), "getter boom"),
    conf_fg_err(lambda: hasattr(confFgX, "boom"), "getter boom"),
    conf_fg_err(lambda: confFgX.to_py(), "getter boom"),
    conf_fg_err(lambda: confFgX.object_values(), "getter boom"),
    conf_fg_err(lambda: str(confFgS), "toString boom"),
    conf_fg_err(lambda: repr(confFgS), "toString boom"),
    conf_fg_err(lambda: f"{confFgS}", "toString boom"),
    conf_fg_err(lambda: "%s" % confFgS, "toString boom"),
    conf_fg_err(lambda: print(confFgS), "toString boom"),
    conf_fg_err(lambda: str(confFgP), "toPrimitive boom"),
    confFgX.ok,
    6 * 7,
]
json.dumps(conf_fg_res)
`),
);
const uncaught = [];
try {
  py.runPython("confFgX.boom");
  uncaught.push("no error");
} catch (e) {
  uncaught.push(e === boom, e?.name);
}
const reraised = [];
try {
  py.runPython("try:\n    confFgX.boom\nexcept Exception as e:\n    raise RuntimeError('wrapped') from e");
  reraised.push("no error");
} catch (e) {
  reraised.push(e?.name, e?.type, e instanceof ctx.PythonError, e.message.includes("JsException"), e.message.includes("getter boom"));
}
return [inPython, uncaught, reraised];
