# JsProxies compare and hash by the JS object they stand for (as in Pyodide):
# two lookups of js.Math are equal with equal hashes, differ from js.Object,
# work as dict keys and in sets, and a JS object returned by a JS function
# equals the proxy that was passed in.
# expect: "[True, True, True, True, True, True, True, True, True]"
import js
from js import Math, Object
conf_a = js.Math
conf_b = js.Math
js.confId = js.Function.new("x", "return x")
js.confEqObj = Object.new()
conf_o = js.confEqObj
conf_r = [
    conf_a == conf_b,
    hash(conf_a) == hash(conf_b),
    conf_a != js.Object,
    Math == conf_a,
    len({js.Math, js.Math}) == 1,
    {conf_a: 1}.get(conf_b) == 1,
    js.confId(conf_o) == conf_o,
    js.confEqObj == conf_o,
    not (conf_a == Object),
]
del js.confId, js.confEqObj
str(conf_r)
