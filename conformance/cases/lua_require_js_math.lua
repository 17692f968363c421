-- Lua reaches JS globals through require("js") and calls a JS function.
-- expect: 5
local js = require("js")
return js.global.Math.max(1, 5, 3)
