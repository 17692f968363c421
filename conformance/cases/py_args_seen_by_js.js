// Python primitives as JS sees them when passed as call arguments.
// expect: "number:1,number:1.5,string:s\ud83d\ude00,boolean:true,boolean:false,undefined:undefined,bigint:1152921504606846976,number:-9007199254740991"
globalThis.confJsTypes = (...args) => args.map((a) => `${typeof a}:${String(a)}`).join(",");
return py.runPython(`
from js import confJsTypes
confJsTypes(1, 1.5, "s\\U0001F600", True, False, None, 2**60, -(2**53 - 1))
`);
