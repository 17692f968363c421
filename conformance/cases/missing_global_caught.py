# The ImportError for a missing global can be caught in Python.
# expect: "ImportError:True"
try:
    from js import confNoSuchGlobalAbc
    r = "imported?"
except ImportError as e:
    r = f"{type(e).__name__}:{'confNoSuchGlobalAbc' in str(e)}"
r
