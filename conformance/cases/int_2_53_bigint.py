# 2**53 is outside the safe range and becomes a BigInt.
# expect: 9007199254740992n
2**53
