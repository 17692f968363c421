# Calling a JsProxy of a plain object is a TypeError, as in Pyodide: a plain
# JsProxy has no __call__ (callable() is False), so nothing crosses.
# expect-error: PythonError TypeError
# expect-message: object is not callable
from js import Object
Object.new()()
