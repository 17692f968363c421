// Every JsProxy has Pyodide's `typeof`, `js_id` (equal for two proxies of one
// object), and object_keys/object_values/object_entries (Object.keys & co.).
// expect: [["object", "function"], [true, false], ["a", "b"], [1, 2], [["a", 1], ["b", 2]]]
globalThis.confObjM = { a: 1, b: 2 };
globalThis.confObjF = () => 1;
const r = py.runPython(`
import json, js
from js import confObjM as o, confObjF as f
json.dumps([[o.typeof, f.typeof], [js.confObjM.js_id == o.js_id, f.js_id == o.js_id],
            list(o.object_keys()), list(o.object_values()), [list(e) for e in o.object_entries()]])
`);
py.runPython("del o, f");
delete globalThis.confObjM;
delete globalThis.confObjF;
return JSON.parse(r);
