// Attribute set and delete on a JsProxy reach the JS object; None becomes undefined.
// expect: [5, "new", false, true, true, 2]
globalThis.confObjA = { a: 1, gone: true, keep: 2 };
py.runPython(`
from js import confObjA
confObjA.a = 5
confObjA.b = "new"
confObjA.n = None
del confObjA.gone
`);
const o = globalThis.confObjA;
return [o.a, o.b, "gone" in o, "n" in o, o.n === undefined, o.keep];
