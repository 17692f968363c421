// A JS BigInt beyond 64 bits does not fit a Lua integer: an error naming it, never a rounded float.
// expect-error: LuaError
// expect-message: does not fit
const lua = await ctx.lua();
const id = lua.run("return function(x) return x end");
try {
  return id(2n ** 64n);
} finally {
  id.destroy();
}
