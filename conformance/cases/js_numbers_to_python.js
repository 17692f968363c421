// JS numbers and BigInts seen from Python: integral numbers -> int, others -> float, BigInt -> int.
// expect: "int:9007199254740991|float:1.5|int:18446744073709551616|int:-3"
globalThis.confNum0 = 2 ** 53 - 1;
globalThis.confNum1 = 1.5;
globalThis.confNum2 = 2n ** 64n;
globalThis.confNum3 = -3;
return py.runPython(`
from js import confNum0, confNum1, confNum2, confNum3
def conf_kind(v):
    # isinstance, not type(): an int subclass (Pyodide's JsBigInt) is fine
    return "int" if isinstance(v, int) and not isinstance(v, bool) else type(v).__name__
"|".join(f"{conf_kind(v)}:{v}" for v in [confNum0, confNum1, confNum2, confNum3])
`);
