# A large negative int becomes a negative BigInt, exactly.
# expect: -1180591620717411303424n
-(2**70)
