# A JS array seen from Python has len() and integer indexing, negative indices
# counting from the end (as in Pyodide): an index past either end raises
# IndexError and a non-integer index (str, float) raises TypeError.
# expect: "[3, 10, 30, 20, 10, 'IndexError', 'IndexError', 'TypeError', 'TypeError']"
from js import Array
conf_a = Array.of(10, 20, 30)
def conf_err(f):
    try:
        f()
        return "no error"
    except Exception as e:
        return type(e).__name__
conf_r = [
    len(conf_a),
    conf_a[0],
    conf_a[-1],
    conf_a[1],
    conf_a[-3],
    conf_err(lambda: conf_a[3]),
    conf_err(lambda: conf_a[-4]),
    conf_err(lambda: conf_a["x"]),
    conf_err(lambda: conf_a[1.0]),
]
str(conf_r)
