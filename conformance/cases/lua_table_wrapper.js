// A Lua table in JS is a wrapper: property reads and writes index the table (integer-like
// names are integer keys), `length` is #t, and the same table is the same wrapper.
// expect: [1,10,20,2,true,false,"table","s",true]
const lua = await ctx.lua();
const t = lua.run("T_wrap = {x = 1, 10, 20} return T_wrap");
const out = [t.x, t[1], t[2], t.length, "x" in t, "nope" in t, t.type];
t.y = "s";
out.push(lua.run("return T_wrap.y"));
out.push(lua.globals.get("T_wrap") === t);
t.destroy();
return out;
