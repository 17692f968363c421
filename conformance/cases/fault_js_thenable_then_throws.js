// JS faults reached by Python's `await`: a thenable whose then() throws, one
// whose then() calls reject, one that resolves and then throws (the
// resolution wins, as for JS's own await), a promise rejected with a
// non-Error value, and a thenable whose `then` getter throws. Each awaited
// in a runPythonAsync task: a JsException with the JS error's name and
// message (the non-Error one described as such), caught in Python, and the
// task goes on to await a good promise. A `then` getter that throws is
// swallowed by classification, so the object is not awaitable: TypeError.
// Uncaught, runPythonAsync rejects with the thrown JS error itself; the
// runtime stays usable.
// expect: [[["JsException", "TypeError", true], ["JsException", "Error", true], ["ok", 5], ["JsException", "Error", true], ["TypeError", null, true], ["ok", 11]], [true, "TypeError"], 42]
const thenErr = new TypeError("then boom");
globalThis.confFtT = {
  thenThrows: {
    then() {
      throw thenErr;
    },
  },
  thenRejects: {
    then(resolve, reject) {
      reject(new Error("then rejected"));
    },
  },
  resolvesThenThrows: {
    then(resolve) {
      resolve(5);
      throw new Error("thrown after resolving");
    },
  },
  rejectsString: () => Promise.reject("plain string reason"),
  getterThrows: {
    get then() {
      throw new Error("then getter boom");
    },
  },
  good: () => new Promise((resolve) => setTimeout(() => resolve(11), 1)),
};
const inPython = JSON.parse(
  await py.runPythonAsync(`
import json
from js import confFtT as t
async def conf_ft_err(make, needle):
    try:
        return ["ok", await make()]
    except Exception as e:
        return [type(e).__name__, getattr(e, "name", None), needle in str(e)]
conf_ft_res = [
    await conf_ft_err(lambda: t.thenThrows, "then boom"),
    await conf_ft_err(lambda: t.thenRejects, "then rejected"),
    await conf_ft_err(lambda: t.resolvesThenThrows, ""),
    await conf_ft_err(lambda: t.rejectsString(), "plain string reason"),
    await conf_ft_err(lambda: t.getterThrows, "await"),
    await conf_ft_err(lambda: t.good(), ""),
]
del t
json.dumps(conf_ft_res)
`),
);
const uncaught = [];
try {
  await py.runPythonAsync("from js import confFtT\nawait confFtT.thenThrows");
  uncaught.push("no error");
} catch (e) {
  uncaught.push(e === thenErr, e?.name);
}
return [inPython, uncaught, py.runPython("6 * 7")];
