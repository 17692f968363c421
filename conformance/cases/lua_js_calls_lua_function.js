// JS calls Lua functions: arguments and results by the conversion rules; a destroyed
// wrapper refuses to be called.
// expect: [5,"ab",null,true,"this Lua function was destroyed"]
const lua = await ctx.lua();
const add = lua.run("return function(a, b) return a + b end");
const cat = lua.run("return function(a, b) return a .. b end");
const isnull = lua.run("local js = require('js') return function(x) return x == js.null end");
const out = [add(2, 3), cat("a", "b"), lua.run("local js = require('js') return js.null"), isnull(null)];
add.destroy();
cat.destroy();
isnull.destroy();
try {
  add(1, 2);
  out.push("called");
} catch (e) {
  out.push(e.message);
}
return out;
