-- Binary data crosses with js.bytes (a Uint8Array copy) and comes back with js.frombytes.
-- expect: "Uint8Array:3:255|true"
local js = require("js")
local u8 = js.bytes("\xff\0\x01")
local back = js.frombytes(u8)
return js.typeof(u8) == "object" and (u8.constructor.name .. ":" .. u8.length .. ":" .. u8[0] .. "|" .. tostring(back == "\xff\0\x01"))
