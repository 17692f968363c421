// After a SyntaxError the same runtime still runs code and keeps its globals.
// expect: ["SyntaxError", 42, 8]
py.runPython("conf_kept = 8");
let type;
try {
  py.runPython("x = = 1");
} catch (e) {
  type = e.type;
}
return [type, py.runPython("6 * 7"), py.runPython("conf_kept")];
