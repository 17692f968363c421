// JsGenerator.throw/close/send (as in Pyodide). throw(exc) resumes the JS
// generator with the Python exception as a JS error (a PythonError whose
// message contains "ValueError: boom"); if JS catches and yields, throw()
// returns the yielded value; if JS doesn't catch, the same Python exception
// comes back out and the generator is done (next -> StopIteration); if JS
// returns in the catch, throw() raises StopIteration(value); a JS error
// rethrown from the generator is a JsException. throw(KeyError) (a class)
// works. throw on a not-started generator raises the exception right away.
// close() returns None, runs JS finally blocks, later next/send raise
// StopIteration, a second close() is a no-op; a generator that yields in its
// finally makes close() raise RuntimeError("JavaScript generator ignored
// return"). send(v) makes the yield evaluate to v.
// expect: [[0, 1, 2], [["sent", 10], ["caught", "PythonError", true]], ["ValueError", "unc", true, "StopIteration"], ["StopIteration", "ret:m"], ["JsException", "RangeError", "RangeError: from js", "StopIteration"], [1, ["caught", "PythonError", "KeyError"]], ["ValueError", "StopIteration"], [0, null, "StopIteration", "StopIteration", null, "fin"], ["RuntimeError", "JavaScript generator ignored return"]]
globalThis.confGtLog = [];
globalThis.confGtG = function* () {
  let i = 0;
  while (true) {
    try {
      const v = yield i++;
      confGtLog.push(["sent", v]);
    } catch (e) {
      confGtLog.push(["caught", e.constructor.name, String(e.message).includes("ValueError: boom")]);
      if (String(e.message).includes("rethrow")) throw new RangeError("from js");
    }
  }
};
globalThis.confGtKey = function* () {
  try { yield 0; } catch (e) { confGtLog.push(["caught", e.constructor.name, String(e.message).trim()]); yield 1; }
};
globalThis.confGtPlain = function* () { yield 1; yield 2; };
globalThis.confGtRet = function* () { try { yield 1; } catch (e) { return "ret:" + e.message.trim().split(": ")[1]; } };
globalThis.confGtFin = function* () { try { yield 0; } finally { confGtLog.push("fin"); } };
globalThis.confGtBad = function* () { try { yield 1; } finally { yield 99; } };
const r = py.runPython(`
import json
from js import confGtG, confGtKey, confGtPlain, confGtRet, confGtFin, confGtBad, confGtLog
def conf_exc(f):
    try:
        return f()
    except BaseException as e:
        return e
def conf_name(f):
    try:
        f()
        return "no error"
    except BaseException as e:
        return type(e).__name__
res = []
g = confGtG()
res.append([next(g), g.send(10), g.throw(ValueError("boom"))])
res.append([list(x) for x in confGtLog])
g = confGtPlain(); next(g)
e = conf_exc(lambda: g.throw(ValueError("unc")))
res.append([type(e).__name__, str(e), isinstance(e, ValueError), conf_name(lambda: next(g))])
g = confGtRet(); next(g)
e = conf_exc(lambda: g.throw(ValueError("m")))
res.append([type(e).__name__, e.value])
g = confGtG(); next(g)
e = conf_exc(lambda: g.throw(ValueError("rethrow")))
res.append([type(e).__name__, e.name, str(e), conf_name(lambda: next(g))])
confGtLog.length = 0
g = confGtKey(); next(g)
res.append([g.throw(KeyError), list(confGtLog[0])])
g = confGtG()
res.append([conf_name(lambda: g.throw(ValueError("fresh"))), conf_name(lambda: next(g))])
confGtLog.length = 0
g = confGtFin()
res.append([next(g), g.close(), conf_name(lambda: next(g)), conf_name(lambda: g.send(1)), g.close(), confGtLog[0]])
g = confGtBad(); next(g)
e = conf_exc(lambda: g.close())
res.append([type(e).__name__, str(e)])
del g, e
json.dumps(res)
`);
for (const k of ["confGtLog", "confGtG", "confGtKey", "confGtPlain", "confGtRet", "confGtFin", "confGtBad"]) delete globalThis[k];
return JSON.parse(r);
