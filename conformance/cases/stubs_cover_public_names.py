# The PEP 561 stub packages shipped in the stdlib zip (js-stubs,
# pyodide-stubs, micropip-stubs; sources in bridge-py/stubs/) declare every
# public name of pyodide.ffi, pyodide.code, pyodide.http and micropip, and
# every public method of the JsProxy classes: a name added to a module
# without its stub fails here. (Editors and type checkers read them from a
# checkout: point stubPath / mypy_path at bridge-py/stubs.)
# expect: ""
import ast, importlib, sys, zipfile
_zip = zipfile.ZipFile(next(p for p in sys.path if p.endswith(".zip")))

def _stub_names(member):
    tree = ast.parse(_zip.read(member).decode())
    names, methods = set(), {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            names.add(node.name)
            methods[node.name] = {n.name for n in node.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names, methods

_missing = []
for _mod, _member in [("pyodide.ffi", "pyodide-stubs/ffi.pyi"), ("pyodide.code", "pyodide-stubs/code.pyi"),
                      ("pyodide.http", "pyodide-stubs/http.pyi"), ("micropip", "micropip-stubs/__init__.pyi"),
                      ("pyodide.console", "pyodide-stubs/console.pyi")]:
    _m = importlib.import_module(_mod)
    _names, _methods = _stub_names(_member)
    for _n in _m.__all__:
        if _n not in _names:
            _missing.append(f"{_mod}.{_n}")
        _obj = getattr(_m, _n)
        if isinstance(_obj, type) and _n in _methods:
            _have = set()
            for _k in _obj.__mro__:
                _have |= _methods.get(_k.__name__, set())
            for _attr in vars(_obj):
                if not _attr.startswith("_") and callable(getattr(_obj, _attr)) and _attr not in _have:
                    _missing.append(f"{_mod}.{_n}.{_attr}")
"; ".join(sorted(_missing))
