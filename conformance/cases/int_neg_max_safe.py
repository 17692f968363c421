# -(2**53 - 1) is still a JS number.
# expect: -9007199254740991
-(2**53 - 1)
