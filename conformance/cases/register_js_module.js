// registerJsModule(name, obj): `import name`, `from name import f`, and a
// submodule for an object property (`import name.sub`, `from name.sub import
// g`) work, as in Pyodide; after unregisterJsModule a new import fails
// (ModuleNotFoundError) while the module already imported stays in
// sys.modules; pyodide.ffi.register_js_module does the same from Python.
// expect: [3, 10, "hi", true, "ModuleNotFoundError", true, 42]
const mod = { add: (a, b) => a + b, sub: { twice: (x) => 2 * x, greeting: "hi" } };
py.registerJsModule("conf_jsmod", mod);
const r = JSON.parse(py.runPython(`
import json
import conf_jsmod
from conf_jsmod import add
from conf_jsmod.sub import twice
import conf_jsmod.sub
json.dumps([add(1, 2), twice(5), conf_jsmod.sub.greeting])
`));
py.unregisterJsModule("conf_jsmod");
r.push(py.runPython("import sys\n'conf_jsmod' in sys.modules"));
r.push(py.runPython(`
try:
    import conf_jsmod_other
    res = "imported"
except ImportError as e:
    res = type(e).__name__
res
`));
r.push(py.runPython(`
import sys
for k in [k for k in sys.modules if k.startswith("conf_jsmod")]:
    del sys.modules[k]
try:
    import conf_jsmod
    res = False
except ModuleNotFoundError:
    res = True
res
`));
r.push(py.runPython(`
from pyodide.ffi import register_js_module, unregister_js_module
import js
register_js_module("conf_pymod", js.Object.fromEntries(js.Array.of(js.Array.of("v", 42))))
import conf_pymod
v = conf_pymod.v
unregister_js_module("conf_pymod")
del sys.modules["conf_pymod"]
v
`));
py.runPython("del conf_jsmod, add, twice, res, register_js_module, unregister_js_module, v, conf_pymod");
return r;
