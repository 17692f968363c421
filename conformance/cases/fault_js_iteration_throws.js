// JS faults while Python iterates a JS object: a [Symbol.iterator]() that
// throws (list(), a for loop, iter()), an iterator whose next() throws after
// two values (the loop body saw both first), a generator that throws
// mid-way, and a next() that returns a non-object. Each is a JsException
// carrying the JS error's name and message, caught in Python (the second
// list() over the same object fails the same way, and an array still
// iterates afterwards). A Symbol.iterator *getter* that throws is swallowed
// by classification (which never throws), so the object is simply not
// iterable: TypeError. Uncaught, the JS error itself comes out of runPython.
// expect: [[["JsException", "Error", true], ["JsException", "Error", true], ["JsException", "Error", true], ["JsException", "RangeError", true], [1, 2], ["JsException", "RangeError", true], ["JsException", "SyntaxError", true], ["a"], ["JsException", "TypeError", true], ["TypeError", null, true], ["a", "b"]], [true, "RangeError"]]
const nextErr = new RangeError("next boom");
globalThis.confFiT = {
  iterThrows: {
    [Symbol.iterator]() {
      throw new Error("iterator boom");
    },
  },
  nextThrows: {
    [Symbol.iterator]() {
      let i = 0;
      return {
        [Symbol.iterator]() {
          return this;
        },
        next() {
          if (i < 2) return { value: ++i, done: false };
          throw nextErr;
        },
      };
    },
  },
  *gen() {
    yield "a";
    throw new SyntaxError("gen boom");
  },
  nonObject: {
    [Symbol.iterator]() {
      return {
        [Symbol.iterator]() {
          return this;
        },
        next: () => 7,
      };
    },
  },
  getterThrows: {
    get [Symbol.iterator]() {
      throw new Error("getter boom");
    },
  },
  fine: ["a", "b"],
};
const inPython = JSON.parse(
  py.runPython(`
import json
from js import confFiT as t
def conf_fi_err(f, needle):
    try:
        f()
        return "no error"
    except Exception as e:
        return [type(e).__name__, getattr(e, "name", None), needle in str(e)]
def conf_fi_loop(it, seen):
    for x in it:
        seen.append(x)
conf_fi_seen = []
conf_fi_gen_seen = []
conf_fi_res = [
    conf_fi_err(lambda: list(t.iterThrows), "iterator boom"),
    conf_fi_err(lambda: conf_fi_loop(t.iterThrows, []), "iterator boom"),
    conf_fi_err(lambda: iter(t.iterThrows), "iterator boom"),
    conf_fi_err(lambda: conf_fi_loop(t.nextThrows, conf_fi_seen), "next boom"),
    conf_fi_seen,
    conf_fi_err(lambda: list(t.nextThrows), "next boom"),
    conf_fi_err(lambda: conf_fi_loop(t.gen(), conf_fi_gen_seen), "gen boom"),
    conf_fi_gen_seen,
    conf_fi_err(lambda: list(t.nonObject), "non-object"),
    conf_fi_err(lambda: list(t.getterThrows), "not iterable"),
    list(t.fine),
]
del t
json.dumps(conf_fi_res)
`),
);
const uncaught = [];
try {
  py.runPython("from js import confFiT\nlist(confFiT.nextThrows)");
  uncaught.push("no error");
} catch (e) {
  uncaught.push(e === nextErr, e?.name);
}
return [inPython, uncaught];
