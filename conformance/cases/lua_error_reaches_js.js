// A Lua error that reaches JS is a LuaError with Lua's message and traceback.
// expect: ["LuaError","cell:2: boom",true,true]
const lua = await ctx.lua();
try {
  lua.run("local x = 1\nerror('boom')", { name: "cell" });
} catch (e) {
  return [e.name, e.message, e instanceof lua.LuaError, e.luaStack.startsWith("stack traceback:")];
}
