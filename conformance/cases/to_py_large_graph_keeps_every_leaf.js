// to_py() / py.toPy() of a large graph keeps every leaf: booleans, null and
// undefined items of an Array of 5000 come back as themselves, wherever they
// fall in the plan (its op buffer grows at 1024, 2048, 4096 entries; a value
// written while it grew was lost, becoming None). Found by the round-trip
// fuzzer (conformance/fuzz/roundtrip.mjs), on a '?' memoryview of 600 items.
// expect: [[], 5000, true]
const kinds = [true, false, null, undefined];
const a = Array.from({ length: 5000 }, (_, i) => kinds[i % 4]);
const p = py.toPy(a);
const check = py.runPython(`
import json
from pyodide.ffi import jsnull
def conf_tplg(l):
    want = [True, False, jsnull, None]
    return json.dumps([[i for i, x in enumerate(l) if x is not want[i % 4]][:5], len(l)])
conf_tplg
`);
const r = JSON.parse(check(p));
check.destroy();
const back = p.toJs();
p.destroy();
r.push(back.every((x, i) => x === kinds[i % 4]));
return r;
