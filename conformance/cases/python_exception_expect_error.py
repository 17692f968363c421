# The same, through the error expectation: type ValueError, traceback in the message.
# expect-error: PythonError ValueError
# expect-message: Traceback (most recent call last)
# expect-message: ValueError: bad value 18
def conf_fail2():
    raise ValueError("bad value 18")

conf_fail2()
