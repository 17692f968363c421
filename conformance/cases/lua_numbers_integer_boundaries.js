// Numbers both ways at the integer boundaries, by the core's rule: integers in
// +-(2^53-1) are JS Numbers; Lua integers beyond are BigInts; JS Numbers that are
// integral, safe and not -0 are Lua integers; a BigInt that fits 64 bits is a Lua integer.
// expect: ["integer:9007199254740991","integer:-9007199254740991","float:9.007199254741e+15","float:1.5","float:-0.0","integer:3","integer:10","integer:9223372036854775807","integer:-9223372036854775808",9007199254740991,-9007199254740991,9007199254740992n,9223372036854775807n,-9223372036854775808n,-0,9007199254740992,"NaN",Infinity]
const lua = await ctx.lua();
const kind = lua.run("return function(x) return (math.type(x) or type(x)) .. ':' .. tostring(x) end");
const out = [
  kind(2 ** 53 - 1),
  kind(-(2 ** 53 - 1)),
  kind(2 ** 53),
  kind(1.5),
  kind(-0),
  kind(3.0),
  kind(10n),
  kind(2n ** 63n - 1n),
  kind(-(2n ** 63n)),
  lua.run("return 9007199254740991"),
  lua.run("return -9007199254740991"),
  lua.run("return 9007199254740992"),
  lua.run("return math.maxinteger"),
  lua.run("return math.mininteger"),
  lua.run("return -0.0"),
  lua.run("return 2.0^53"),
  String(lua.run("return 0/0")),
  lua.run("return 1/0"),
];
kind.destroy();
return out;
