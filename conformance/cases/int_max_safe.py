# 2**53 - 1 is still a JS number (the rule: within +-(2**53 - 1) -> number).
# expect: 9007199254740991
2**53 - 1
