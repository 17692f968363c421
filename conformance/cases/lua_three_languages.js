// JS -> Lua -> JS -> Python: a JS call of a Lua function that calls a Python function
// through JS; and Lua -> Python (a Lua function handed to Python via JS) the other way.
// expect: [50,"x-y",49,"ValueError","bad 3"]
const lua = await ctx.lua();
py.runPython("def square(x):\n    return x * x\ndef fails(x):\n    raise ValueError(f'bad {x}')");
const square = py.globals.get("square");
const fails = py.globals.get("fails");
globalThis.pySquare = square;
const viaLua = lua.run("local js = require('js') return function(x) return js.global.pySquare(x) + 1 end");
const out = [viaLua(7)];
const joiner = lua.run("return function(a, b) return a .. '-' .. b end");
py.globals.set("luaf", joiner);
out.push(py.runPython("luaf('x', 'y')"));
// Python's function handed to Lua through JS, called from Lua.
lua.globals.set("pyf", square);
out.push(lua.run("return pyf(7)"));
// A Python exception raised in a call from Lua: a Lua error holding the PythonError.
lua.globals.set("pyfails", fails);
out.push(lua.run("local ok, e = pcall(pyfails, 3) return e.type"));
try {
  lua.run("pyfails(3)");
} catch (e) {
  out.push(e instanceof ctx.PythonError ? e.message.trim().split("\n").pop().replace("ValueError: ", "") : `not a PythonError: ${e}`);
}
py.runPython("del luaf");
lua.globals.set("pyf", undefined);
lua.globals.set("pyfails", undefined);
viaLua.destroy();
joiner.destroy();
square.destroy();
fails.destroy();
return out;
