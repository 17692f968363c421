-- Lua sets properties on a JS object; JSON.stringify sees them (numbers by the integer rule).
-- expect: "{\"x\":42,\"y\":1.5,\"s\":\"hi\",\"t\":true,\"n\":null}"
local js = require("js")
local o = js.new(js.global.Object)
o.x = 42
o.y = 1.5
o.s = "hi"
o.t = true
o.n = js.null
o.gone = nil
return js.global.JSON:stringify(o)
