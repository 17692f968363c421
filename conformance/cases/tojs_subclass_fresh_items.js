// to_js goes through a list subclass's own __iter__ and a dict subclass's
// own items() (docs/conversions.md, "Deep conversion"); when they make fresh
// objects each time, every fresh object converts as itself: three dicts
// whose items() wrap each value in a new list give [{"a": [1]}, {"b": [2]},
// {"c": [3]}], three distinct lists (the planner's memo must not mistake a
// new object for a freed one at the same address). Found by the round-trip
// fuzzer (conformance/fuzz/roundtrip.mjs, known bug tojs-memo-address-reuse).
// expect: ["[{\"a\":[1]},{\"b\":[2]},{\"c\":[3]}]", "[[[1]],[[2]],[[3]]]", [false, false]]
globalThis.confTsfDistinct = (r) => [r[0].a === r[2].c, r[0].a === r[1].b];
const out = py.runPython(`
import js, json
from js import confTsfDistinct
from pyodide.ffi import to_js
class ConfTsfD(dict):
    def items(self):
        return [(k, [v]) for k, v in super().items()]
class ConfTsfL(list):
    def __iter__(self):
        return iter([[x] for x in list.__iter__(self)])
conf_tsf_d = to_js([ConfTsfD(a=1), ConfTsfD(b=2), ConfTsfD(c=3)])
res = [js.JSON.stringify(conf_tsf_d), js.JSON.stringify(to_js([ConfTsfL([1]), ConfTsfL([2]), ConfTsfL([3])])), list(confTsfDistinct(conf_tsf_d))]
del conf_tsf_d
json.dumps(res)
`);
delete globalThis.confTsfDistinct;
return JSON.parse(out);
