# A JsProxy shows only the capabilities its JS value has: callable() only for
# functions, __await__ only for thenables, __call__ only for functions.
# expect: "[False, True, False, True, True]"
import js
str([
    callable(js.Math),
    callable(js.Math.max),
    hasattr(js.Math, "__await__"),
    hasattr(js.Promise.resolve(1), "__await__"),
    hasattr(js.Math.max, "__call__"),
])
