// Iterating a JS Map from Python while it changes follows JS's live Map
// iteration (as in Pyodide; no RuntimeError like a dict's "changed size
// during iteration"): a key added during the loop (by JS code called in the
// loop, or by m[k] = v from Python) is visited later, a key deleted before
// it is reached is skipped, clear() ends the loop; items() and keys() behave
// the same; a JS Set likewise visits an added element. The Map is fine
// afterwards.
// expect: [["a", "c", "d"], ["a", "b", "ax", "bx", "axx", "bxx"], ["a", "c"], ["a"], [1, 2, 3], [["a", 1], ["c", 3], ["d", 0]]]
globalThis.confMm = {
  m: new Map([["a", 1], ["b", 2], ["c", 3]]),
  m2: new Map([["a", 1], ["b", 2]]),
  m3: new Map([["a", 1], ["b", 2], ["c", 3]]),
  m4: new Map([["a", 1], ["b", 2]]),
  s: new Set([1, 2]),
};
globalThis.confMm.add = (k) => confMm.m.set(k, 0);
globalThis.confMm.rm = (k) => confMm.m.delete(k);
const r = py.runPython(`
import json
from js import confMm as t
res = []
seen = []
for k in t.m:
    seen.append(k)
    if k == "a":
        t.add("d")
        t.rm("b")
    if len(seen) > 10:
        break
res.append(seen)
seen = []
for k in t.m2:
    seen.append(k)
    if len(seen) < 5:
        t.m2[k + "x"] = 1
    if len(seen) > 10:
        break
res.append(seen)
seen = []
for k, v in t.m3.items():
    seen.append(k)
    if k == "a":
        del t.m3["b"]
res.append(seen)
seen = []
for k in t.m4.keys():
    seen.append(k)
    if k == "a":
        t.m4.clear()
res.append(seen)
seen = []
for x in t.s:
    seen.append(x)
    if x == 1:
        t.s.add(3)
res.append(seen)
res.append([list(kv) for kv in t.m.items()])
del t, seen
json.dumps(res)
`);
delete globalThis.confMm;
return JSON.parse(r);
