-- A JS exception raised in a call from Lua is a Lua error whose value is the JS error object.
-- expect: "false|TypeError|Cannot convert undefined or null to object|TypeError: Cannot convert undefined or null to object"
local js = require("js")
local ok, e = pcall(function() return js.global.Object.keys(js.null) end)
return tostring(ok) .. "|" .. e.name .. "|" .. e.message .. "|" .. tostring(e)
