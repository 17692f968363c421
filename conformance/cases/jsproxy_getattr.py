# Attribute get on a JsProxy returns converted values and callable methods.
# expect: "3.141592653589793|4|True"
from js import Math
f"{Math.PI}|{Math.abs(-4)}|{callable(Math.max)}"
