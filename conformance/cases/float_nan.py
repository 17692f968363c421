# A Python float NaN is a JS NaN.
# expect: NaN
float("nan")
