// JS Proxy traps that throw, each reached from a Python operation on the
// proxy: get (attribute read), has (hasattr of a missing name, which asks
// `in` after the read gives undefined), set (assignment), deleteProperty
// (del), ownKeys (dir, object_keys, to_py), getOwnPropertyDescriptor
// (to_py), apply (a call) and construct (new). Classification reads the
// object through its traps too, but is guarded: a proxy whose every read
// throws still crosses. Each operation is a JsException with the trap's
// RangeError name and message, caught in Python; the same proxy objects
// then still work for the operations whose traps do not throw (a read, a
// plain call of the one whose construct trap throws). Uncaught, the
// trap's own error comes out of runPython.
// expect: [[["JsException", "RangeError", true], ["JsException", "RangeError", true], ["JsException", "RangeError", true], ["JsException", "RangeError", true], ["JsException", "RangeError", true], ["JsException", "RangeError", true], ["JsException", "RangeError", true], ["JsException", "RangeError", true], ["JsException", "RangeError", true], ["JsException", "RangeError", true], 1, 2, "confApplied", ["JsException", "RangeError", true], 4], [true, "RangeError"]]
const trapErrors = {};
const trap = (name, target = { a: 1 }) =>
  new Proxy(target, {
    [name]() {
      trapErrors[name] ??= new RangeError(`${name} trap boom`);
      throw trapErrors[name];
    },
  });
globalThis.confFpT = {
  get: trap("get"),
  has: trap("has"),
  set: trap("set"),
  deleteProperty: trap("deleteProperty"),
  ownKeys: trap("ownKeys"),
  getOwnPropertyDescriptor: trap("getOwnPropertyDescriptor"),
  apply: trap("apply", function confApplied() {
    return 3;
  }),
  construct: trap("construct", function confConstructed() {
    return 4;
  }),
};
const inPython = JSON.parse(
  py.runPython(`
import json
from js import confFpT as t
def conf_fp_err(f, needle):
    try:
        f()
        return "no error"
    except Exception as e:
        return [type(e).__name__, getattr(e, "name", None), needle in str(e)]
def conf_fp_set():
    t.set.b = 2
def conf_fp_del():
    del t.deleteProperty.a
conf_fp_res = [
    conf_fp_err(lambda: t.get.a, "get trap boom"),
    conf_fp_err(lambda: hasattr(t.has, "missing"), "has trap boom"),
    conf_fp_err(conf_fp_set, "set trap boom"),
    conf_fp_err(conf_fp_del, "deleteProperty trap boom"),
    conf_fp_err(lambda: dir(t.ownKeys), "ownKeys trap boom"),
    conf_fp_err(lambda: t.ownKeys.object_keys(), "ownKeys trap boom"),
    conf_fp_err(lambda: t.ownKeys.to_py(), "ownKeys trap boom"),
    conf_fp_err(lambda: t.getOwnPropertyDescriptor.to_py(), "getOwnPropertyDescriptor trap boom"),
    conf_fp_err(lambda: t.apply(1), "apply trap boom"),
    conf_fp_err(lambda: t.construct.new(), "construct trap boom"),
    t.has.a,
    t.set.a + 1,
    t.apply.name,
    conf_fp_err(lambda: t.get.b, "get trap boom"),
    t.construct(),
]
del t
json.dumps(conf_fp_res)
`),
);
const uncaught = [];
try {
  py.runPython("from js import confFpT\nconfFpT.get.a");
  uncaught.push("no error");
} catch (e) {
  uncaught.push(e === trapErrors.get, e?.name);
}
return [inPython, uncaught];
