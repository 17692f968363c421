# Empty and NUL-containing strings survive.
# expect: "a\u0000b"
"a\x00b"
