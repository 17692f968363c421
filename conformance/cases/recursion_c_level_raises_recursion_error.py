# Deep C-level recursion raises RecursionError instead of overflowing the JS
# engine's stack (where wasm frames live): repr/json/== of deeply nested
# containers, str() of a class whose __repr__ is object.__str__ (CPython's
# test_descr.test_repr_as_str), and recursion through __getattr__, __eq__, __call__ and map(),
# each of which re-enters the evaluation loop from C. Pyodide dies with a
# fatal "RangeError: Maximum call stack size exceeded" on these
# (pyodide/pyodide#5959). Moderate depths still work, and the runtime stays
# usable afterwards (the harness checks the traceback depth and handles).
# expect: "ok 600 600 100 100 100 100; RecursionError x8; usable"
import json

def nested_list(n):
    x = []
    for _ in range(n):
        x = [x]
    return x

class G:
    def __init__(self, n): self.n = n
    def __getattr__(self, k):
        return getattr(self, k + "x") if len(k) < self.n else len(k)

class E:
    def __init__(self, c): self.c = c
    def __eq__(self, o): return self.c == o.c

class C:
    def __call__(self, n): return n if n == 0 else self(n - 1) + 1

def via_map(n):
    return n if n == 0 else sum(map(via_map, [n - 1])) + 1

def chain(cls, n):
    x = 1
    for _ in range(n):
        x = cls(x)
    return x

ok = [
    repr(nested_list(600)).count("[") - 1,
    json.dumps(nested_list(600)).count("[") - 1,
    G(100).a,
    chain(E, 100) == chain(E, 100) and 100,
    C()(100),
    via_map(100),
]
class S:
    pass
S.__repr__ = S.__str__  # object.__str__ calls repr: C-only recursion, several C frames per level

deep = [
    lambda: str(S()),
    lambda: repr(nested_list(100_000)),
    lambda: json.dumps(nested_list(100_000)),
    lambda: nested_list(100_000) == nested_list(100_000),
    lambda: G(100_000).a,
    lambda: chain(E, 100_000) == chain(E, 100_000),
    lambda: C()(100_000),
    lambda: via_map(100_000),
]
errors = []
for f in deep:
    try:
        f()
        errors.append("no error")
    except RecursionError:
        errors.append("RecursionError")
assert len(set(errors)) == 1, errors
f"ok {' '.join(map(str, ok))}; {errors[0]} x{len(errors)}; " + ("usable" if repr(nested_list(10)).count("[") == 11 else "broken")
