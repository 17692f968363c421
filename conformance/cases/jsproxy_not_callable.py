# Calling a JsProxy of a plain object is a TypeError naming it, raised before
# anything crosses.
# expect-error: PythonError TypeError
# expect-message: is not a JS function
from js import Object
Object.new()()
