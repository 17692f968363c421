# -0.0 keeps its sign.
# expect: -0
-0.0
