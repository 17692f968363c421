# A syntax error in runPython is a PythonError of type SyntaxError.
# expect-error: PythonError SyntaxError
# expect-message: SyntaxError
def broken(:
    pass
