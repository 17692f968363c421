// Transient JsProxies made in a Python loop are released: live JS handles return to baseline.
// expect: [0, 2000]
if (typeof py.liveHandles !== "function") return "py.liveHandles() is missing";
globalThis.confLeakObj = { f: () => 1, v: { w: 2 } };
py.runPython("from js import confLeakObj");
const before = py.liveHandles().js;
const total = py.runPython(`
t = 0
for _ in range(1000):
    t += confLeakObj.f()      # a JsProxy for the function, dropped after the call
    t += confLeakObj.v.w - 1  # a JsProxy for v, dropped after the read
t
`);
return [py.liveHandles().js - before, total];
