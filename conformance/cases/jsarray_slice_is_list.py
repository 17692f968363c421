# Slicing a JsArray gives a Python list (as slicing a list does). Pyodide
# returns a JS array proxy instead: a deliberate difference (docs/conversions.md).
# expect: "[20, 30] list [30, 10]"
from js import Array
a = Array.new(10, 20, 30)
s = a[1:]
f"{s} {type(s).__name__} {a[::-2]}"
