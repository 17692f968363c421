// A JS object passed to a Python function and returned comes back as the same JS object.
// expect: [true, true]
py.runPython("def conf_ident(x):\n    return x\n\nconf_kept_list = []\ndef conf_keep(x):\n    conf_kept_list.append(x)\n    return x");
const o = { z: 1 };
const o2 = { z: 2 };
return [py.globals.get("conf_ident")(o) === o, py.globals.get("conf_keep")(o2) === o2];
