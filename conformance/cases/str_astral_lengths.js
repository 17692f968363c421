// An astral char has Python length 1 and JS length 2, both ways.
// expect: [3, 4, "2:128512"]
py.runPython('conf_s = "a\\U0001F600b"');
globalThis.confAstral = "x\u{1F600}";
return [
  py.runPython("len(conf_s)"),
  py.runPython("conf_s").length,
  py.runPython('from js import confAstral\nf"{len(confAstral)}:{ord(confAstral[1])}"'),
];
