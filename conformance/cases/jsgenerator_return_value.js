// A JS generator iterates from Python; its return value is StopIteration.value,
// and iter(g) is g. Same as Pyodide.
// expect: [[1, 2, 3], true, [1, 2]]
globalThis.confGenG = function* () {
  yield 1;
  yield 2;
  return 3;
};
const r = py.runPython(`
from js import confGenG
import json
g = confGenG()
out = [next(g), next(g)]
try:
    next(g)
except StopIteration as e:
    out.append(e.value)
json.dumps([out, iter(g) is g, list(confGenG())])
`);
py.runPython("del g");
delete globalThis.confGenG;
return JSON.parse(r);
