# A very large int keeps every digit as a BigInt.
# expect: 1267650600228229401496703205377n
2**100 + 1
