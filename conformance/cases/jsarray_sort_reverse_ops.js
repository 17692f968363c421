// JsArray list operations that agree with Pyodide: reverse() reverses the JS
// array in place and returns None; reversed(); sorted(arr) is a numeric
// Python list; arr += iterable extends the same JS array (identity kept, JS
// sees it); extend() takes lists, generators and JS arrays; arr * 2 and
// 2 * arr are new JsArrays (original unchanged); arr *= 2 repeats in place;
// arr + list is a new JsArray; list + arr is a TypeError.
// expect: [[null, "[3,2,1]"], [1, 2, 3], [1, 9, 10], [true, "[1,2,3,4,5]"], "[1,2,3,4,5]", [true, [1, 2, 1, 2], [1, 2], [2, 1, 2, 1]], [true, "[1,2,1,2]"], [true, [1, 2], "[1]"], "TypeError"]
globalThis.confOpsR = [1, 2, 3];
globalThis.confOpsI = [1, 2, 3];
globalThis.confOpsE = [1];
globalThis.confOpsM = [1, 2];
globalThis.confOpsN = [1, 2];
globalThis.confOpsP = [1];
const r = py.runPython(`
import json
from pyodide.ffi import JsArray
from js import confOpsR, confOpsI, confOpsE, confOpsM, confOpsN, confOpsP, JSON, Array
def conf_err(f):
    try:
        f()
        return "no error"
    except Exception as e:
        return type(e).__name__
res = [[confOpsR.reverse(), JSON.stringify(confOpsR)], list(reversed(Array.of(3, 2, 1))), sorted(Array.of(10, 9, 1))]
i = confOpsI
i += [4, 5]
res.append([i is confOpsI, JSON.stringify(confOpsI)])
confOpsE.extend([2, 3])
confOpsE.extend(x for x in [4])
confOpsE.extend(Array.of(5))
res.append(JSON.stringify(confOpsE))
m2 = confOpsM * 2
res.append([isinstance(m2, JsArray), list(m2), list(confOpsM), list(2 * Array.of(2, 1))])
n = confOpsN
n *= 2
res.append([n is confOpsN, JSON.stringify(confOpsN)])
s = confOpsP + [2]
res.append([isinstance(s, JsArray), list(s), JSON.stringify(confOpsP)])
res.append(conf_err(lambda: [0] + confOpsP))
del i, n, m2, s
json.dumps(res)
`);
for (const k of ["confOpsR", "confOpsI", "confOpsE", "confOpsM", "confOpsN", "confOpsP"]) delete globalThis[k];
return JSON.parse(r);
