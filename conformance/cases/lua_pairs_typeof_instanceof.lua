-- pairs over a JS object walks Object.keys; tostring is String(obj); js.typeof and js.instanceof are JS's.
-- expect: "a=1,b=x|[object Object]|object|true|false|bigint|number"
local js = require("js")
local o = js.global.JSON:parse('{"a": 1, "b": "x"}')
local t = {}
for k, v in pairs(o) do t[#t + 1] = k .. "=" .. tostring(v) end
return table.concat(t, ",") .. "|" .. tostring(o) .. "|" .. js.typeof(o) .. "|"
  .. tostring(js.instanceof(o, js.global.Object)) .. "|" .. tostring(js.instanceof(o, js.global.Array)) .. "|"
  .. js.typeof(math.maxinteger) .. "|" .. js.typeof(1)
