// to_py() converts nested data: Array -> list, plain Object and Map -> dict,
// Set -> set, to any depth. Same as Pyodide.
// expect: [["a", "m", "n", "s"], [1, 2.5, "x", true], {"k": {"deep": [1, [2]]}}, [["a", 1], [2, "b"]], [1, 2]]
globalThis.confToPy = { a: [1, 2.5, "x", true], n: { k: { deep: [1, [2]] } }, m: new Map([["a", 1], [2, "b"]]), s: new Set([2, 1]) };
const r = py.runPython(`
import json
from js import confToPy
d = confToPy.to_py()
json.dumps([sorted(d), d["a"], d["n"], sorted([[k, v] for k, v in d["m"].items()], key=str), sorted(d["s"])])
`);
delete globalThis.confToPy;
return JSON.parse(r);
