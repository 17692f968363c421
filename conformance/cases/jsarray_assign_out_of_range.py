# Assigning past the end of a JsArray is an IndexError, as for a Python list;
# Pyodide extends the JS array instead (a deliberate difference).
# expect: "[\"IndexError\", 3]"
from js import Array
a = Array.new(1, 2, 3)
try:
    a[10] = 1
    r = "no error"
except IndexError:
    r = "IndexError"
import json
json.dumps([r, a.length])
