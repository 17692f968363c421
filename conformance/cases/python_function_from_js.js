// A Python function called from JS with JS arguments.
// expect: [42, "ababab", 3.5]
py.runPython(`
def conf_mul(a, b):
    return a * b
`);
const mul = py.globals.get("conf_mul");
return [mul(6, 7), mul("ab", 3), mul(1.75, 2)];
