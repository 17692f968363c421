// None becomes undefined (not null), both as a runPython result and a call result.
// expect: [true, false, "undefined", true]
py.runPython("def conf_none():\n    return None");
const r = py.globals.get("conf_none")();
return [r === undefined, r === null, typeof r, py.runPython("None") === undefined];
