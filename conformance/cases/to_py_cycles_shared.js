// to_py() keeps a cycle a cycle and a shared child shared. Same as Pyodide.
// expect: [true, true, true]
const cyc = [1];
cyc.push(cyc);
const child = { v: 1 };
globalThis.confToPyCyc = { cyc, pair: [child, child] };
const r = py.runPython(`
import json
from js import confToPyCyc
d = confToPyCyc.to_py()
json.dumps([d["cyc"][1] is d["cyc"], d["pair"][0] is d["pair"][1], d["pair"][0] == {"v": 1}])
`);
delete globalThis.confToPyCyc;
return JSON.parse(r);
