# `from js import Math`; a JS method called from Python, result converted back.
# expect: 5
from js import Math
Math.max(1, 5, 3)
