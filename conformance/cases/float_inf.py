# Python inf is JS Infinity.
# expect: Infinity
float("inf")
