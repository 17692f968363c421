# A str with astral (non-BMP) and BMP non-ASCII characters reaches JS unchanged.
# expect: "a\ud83d\ude00b \u00e9\u4e2d \ud834\udd1e"
"a\U0001F600b \u00e9\u4e2d \U0001D11E"
