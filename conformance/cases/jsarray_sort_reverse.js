// OUR BEHAVIOUR, NOT PYODIDE'S: arr.sort() on a JsArray is Python's list.sort
// (in place on the same JS array, returns None, numeric order, key= and
// reverse=, stable). Pyodide exposes JS's Array.prototype.sort there: string
// order ([10, 9, 1] -> [1, 10, 9]), returns the array, and key=/reverse=
// become a trailing JS object, so they raise JsException "TypeError: The
// comparison function must be either a function or undefined". Fails on Pyodide.
// expect: [[null, [1, 9, 10], "[1,9,10]"], [null, "[10,9,1]"], [null, "[[2,\"a\"],[2,\"c\"],[1,\"b\"]]"]]
globalThis.confSortA = [10, 9, 1];
globalThis.confSortP = [[1, "b"], [2, "a"], [2, "c"]];
const r = py.runPython(`
import json
from js import confSortA, confSortP, JSON
a = confSortA
p = confSortP
out = json.dumps([
    [a.sort(), list(a), JSON.stringify(confSortA)],
    [a.sort(reverse=True), JSON.stringify(confSortA)],
    [p.sort(key=lambda e: -e[0]), JSON.stringify(confSortP)],
])
del a, p
out
`);
delete globalThis.confSortA;
delete globalThis.confSortP;
return JSON.parse(r);
