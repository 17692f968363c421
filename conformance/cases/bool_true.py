# True is the JS boolean true.
# expect: true
1 == 1
