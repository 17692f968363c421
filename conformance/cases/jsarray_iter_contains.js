// A JS array is iterable from Python: list(), sum(), `in` compares elements
// (not indices), and reversed() walks it backwards (as in Pyodide).
// expect: [[10, 20, 30], 60, true, false, false, [30, 20, 10], [10, 20, 30]]
globalThis.confIterArr = [10, 20, 30];
return JSON.parse(py.runPython(`
import json
from js import confIterArr
json.dumps([
    list(confIterArr),
    sum(confIterArr),
    20 in confIterArr,
    99 in confIterArr,
    1 in confIterArr,
    list(reversed(confIterArr)),
    [x for x in confIterArr],
])
`));
