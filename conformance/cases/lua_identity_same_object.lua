-- The same JS object is the same Lua value while Lua holds it (rawequal, and as a table key).
-- expect: "true|true|true"
local js = require("js")
local a, b = js.global.Math, js.global.Math
local t = {}
t[a] = "m"
return tostring(rawequal(a, b)) .. "|" .. tostring(a == b) .. "|" .. tostring(t[b] == "m")
