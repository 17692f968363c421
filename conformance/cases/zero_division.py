# ZeroDivisionError reaches JS as PythonError with its type and message.
# expect-error: PythonError ZeroDivisionError
# expect-message: division by zero
1 / 0
