// Lone surrogates pass both ways unchanged (both languages allow them), while a real
// U+FFFD stays U+FFFD.
// expect: [3, "0xdc00", true, 2, "d800", "x", 3, "0xfffd"]
globalThis.confLone = "a\udc00b";
globalThis.confRepl = "a\ufffdb";
globalThis.confEcho = (s) => s;
py.runPython("from js import confLone, confRepl, confEcho");
const s = py.runPython("'\\ud800x'");
return [
  py.runPython("len(confLone)"),
  py.runPython("hex(ord(confLone[1]))"),
  py.runPython("confEcho(confLone) == confLone"),
  s.length,
  s.charCodeAt(0).toString(16),
  s[1],
  py.runPython("len(confRepl)"),
  py.runPython("hex(ord(confRepl[1]))"),
];
