// Strings cross as WTF-8 in Lua: astral characters are 4 bytes, lone surrogates survive
// a round trip, and a long string (no argument spread) works.
// expect: ["a\ud83d\ude00b","6:3",true,true,true]
const lua = await ctx.lua();
const id = lua.run("return function(s) return s end");
const lens = lua.run("return function(s) return #s .. ':' .. utf8.len(s) end");
const lone = "x\ud800y\udfffz";
const big = "\ud83d\ude00é".repeat(100000);
const out = [lua.run('return "a\\u{1F600}b"'), lens("a\ud83d\ude00b"), id(lone) === lone, id(big) === big, id("") === ""];
id.destroy();
lens.destroy();
return out;
