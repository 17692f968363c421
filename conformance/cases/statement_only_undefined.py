# Code ending in a statement (not an expression) returns undefined.
# expect: undefined
conf_assigned = 99
