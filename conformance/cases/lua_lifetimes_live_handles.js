// Lifetimes in both tables: JS objects Lua drops are released by Lua's GC; Lua values JS
// drops are released by destroy() or by JS's GC (FinalizationRegistry).
// expect: [100,0,50,0,0]
const lua = await ctx.lua();
// The constructor is held first, so the count below is only the new objects.
lua.run("LifeCtor = require('js').global.Object");
const base = lua.liveHandles();
lua.run("local js = require('js') held = {} for i = 1, 100 do held[i] = js.new(LifeCtor) end");
const grew = lua.liveHandles().js - base.js;
lua.run("held = nil");
lua.collectGarbage();
const afterLuaGc = lua.liveHandles().js - base.js;
const fns = [];
for (let i = 0; i < 50; i++) fns.push(lua.run(`return function() return ${i} end`));
const held = lua.liveHandles().lua - base.lua;
for (const f of fns.splice(0, 25)) f.destroy();
// The other 25 are dropped without destroy(): JS's GC releases them.
fns.length = 0;
await ctx.gc();
await ctx.gc();
const afterJsGc = lua.liveHandles().lua - base.lua;
return [grew, afterLuaGc, held, afterJsGc, lua.liveHandles().js - base.js];
