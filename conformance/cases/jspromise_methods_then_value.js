// OUR BEHAVIOUR (JS's Promise semantics), NOT PYODIDE 314.0.7'S: the promise
// that p.then(f) returns resolves to f's return value (also through a
// chain, and a returned promise is adopted); p.catch(f) on a fulfilled
// promise passes the value through; an exception raised in f rejects the
// result, and awaiting it raises that exception. Pyodide's then() resolves
// to the number 0 whatever f returns (its result helper returns the C error
// code), catch() on a fulfilled promise resolves to undefined (None), and an
// exception in f is printed to stderr ("Unexpected error") while the result
// still resolves to 0. Fails on Pyodide.
// expect: [10, 21, 101, 5, ["ValueError", "cb raised"], ["ValueError", "cb raised"], null]
globalThis.confPv = { ok: Promise.resolve(5), mk: (v) => Promise.resolve(v) };
const r = await py.runPythonAsync(`
import json
from js import confPv
ok = confPv.ok
def boom(x):
    raise ValueError("cb raised")
res = [
    await ok.then(lambda x: x * 2),
    await ok.then(lambda x: x * 2).then(lambda x: x + 11),
    await ok.then(lambda x: confPv.mk(x + 96)),
    await ok.catch(lambda e: "rejected?"),
]
try:
    await ok.then(boom)
    res.append("no error")
except Exception as e:
    res.append([type(e).__name__, str(e)])
res.append(await ok.then(boom).catch(lambda e: [type(e).__name__, str(e)]))
res.append(await ok.then(lambda x: None))
del ok
json.dumps(res)
`);
delete globalThis.confPv;
return JSON.parse(r);
