# False is the JS boolean false.
# expect: false
1 == 2
