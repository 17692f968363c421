// A JS generator seen from Python is an iterator (as in Pyodide): list() gives
// the yielded values (not the return value), iter(g) is g, next() steps it,
// and the StopIteration that ends it carries the generator's return value as
// .value (None when next() is called again on the finished generator).
// expect: [[1, 2], true, 1, 2, "StopIteration", 3, "StopIteration", null, 1]
globalThis.confGenFn = function* () { yield 1; yield 2; return 3; };
return JSON.parse(py.runPython(`
import json
from js import confGenFn
def conf_stop(g):
    try:
        next(g)
        return ["no error", None]
    except StopIteration as e:
        return ["StopIteration", e.value]
conf_g = confGenFn()
conf_r = [list(confGenFn()), iter(conf_g) is conf_g, next(conf_g), next(conf_g)]
conf_r += conf_stop(conf_g)
conf_r += conf_stop(conf_g)
conf_r.append(confGenFn().send(None))
json.dumps(conf_r)
`));
