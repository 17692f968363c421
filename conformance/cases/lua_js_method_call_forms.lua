-- A method read as a property keeps its receiver: obj.m(x) and obj:m(x) both call with this = obj.
-- expect: "1,2,3|3"
local js = require("js")
local arr = js.new(js.global.Array)
arr.push(1)
arr:push(2)
local push = arr.push
push(3)
return arr:join(",") .. "|" .. #arr
