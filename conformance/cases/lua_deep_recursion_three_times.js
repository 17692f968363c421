// Deep JS -> Lua -> JS recursion is refused with an error well before the engine's stack
// limit, three times in a row on one runtime, which stays usable with handles back to baseline.
// expect: [true,true,true,42,0,0]
const lua = await ctx.lua();
const base = lua.liveHandles();
const rec = lua.run("local js = require('js') return function(n) if n == 0 then return 0 end return js.global.luaRec(n - 1) + 1 end");
globalThis.luaRec = (n) => rec(n);
const out = [];
for (let i = 0; i < 3; i++) {
  try {
    rec(100000);
    out.push(false);
  } catch (e) {
    out.push(e instanceof Error && /depth|stack overflow/.test(String(e.message)));
  }
}
out.push(rec(42));
delete globalThis.luaRec;
rec.destroy();
lua.collectGarbage();
const now = lua.liveHandles();
out.push(now.js - base.js, now.lua - base.lua);
return out;
