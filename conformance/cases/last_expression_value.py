# The value of the last expression is returned even after statements.
# expect: "last"
x_conf = 1
y_conf = 2
"last"
