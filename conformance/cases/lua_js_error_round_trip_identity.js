// A JS error thrown through Lua (not caught there) reaches JS as the very same object.
// expect: [true,true]
const lua = await ctx.lua();
const err = new RangeError("from JS");
globalThis.luaThrowIt = () => {
  throw err;
};
let same = false;
try {
  lua.run("local js = require('js') js.global.luaThrowIt()");
} catch (e) {
  same = e === err;
}
// Also through a Lua function called from JS, with pcall rethrowing the value.
const f = lua.run("local js = require('js') return function() local ok, e = pcall(js.global.luaThrowIt) error(e) end");
let same2 = false;
try {
  f();
} catch (e) {
  same2 = e === err;
}
f.destroy();
return [same, same2];
