// A JS Set has len, `in` and iteration from Python.
// expect: [2, true, false, [1, 2]]
globalThis.confSetS = new Set([2, 1]);
const r = py.runPython("from js import confSetS as s\nimport json\njson.dumps([len(s), 1 in s, 3 in s, sorted(s)])");
py.runPython("del s");
delete globalThis.confSetS;
return JSON.parse(r);
