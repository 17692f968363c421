"""pyodide.code: running Python and JS code (Pyodide's names and semantics)."""

import ast
import sys

__all__ = ["run_js", "eval_code", "eval_code_async", "find_imports", "relaxed_call", "should_quiet", "CodeRunner"]


def run_js(code, /):
    """Evaluate JS `code` in the global scope (an indirect eval) and return
    its value, as Python sees it."""
    if not isinstance(code, str):
        raise TypeError(f"run_js: code must be a str, not {type(code).__name__}")
    import js

    return js.eval(code)


def should_quiet(source):
    """Whether a trailing `;` asks not to return the last expression."""
    return source.rstrip().endswith(";")


def _split(source, return_mode, quiet_trailing_semicolon, filename, flags):
    if return_mode not in ("last_expr", "last_expr_or_assign", "none"):
        raise ValueError(f"return_mode must be 'last_expr', 'last_expr_or_assign' or 'none', not {return_mode!r}")
    tree = compile(source, filename, "exec", flags=flags | ast.PyCF_ONLY_AST, dont_inherit=True)
    last = None
    quiet = quiet_trailing_semicolon and should_quiet(source)
    if tree.body and return_mode != "none" and not quiet:
        node = tree.body[-1]
        if isinstance(node, ast.Expr):
            last = ast.Expression(tree.body.pop().value)
        elif return_mode == "last_expr_or_assign" and isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            target = node.targets[-1] if isinstance(node, ast.Assign) else node.target
            if isinstance(target, ast.Name):
                last = ast.Expression(ast.Name(target.id, ast.Load()))
                ast.copy_location(last.body, node)
    return tree, last


def eval_code(source, globals=None, locals=None, *, return_mode="last_expr", quiet_trailing_semicolon=True,
              filename="<exec>", flags=0):
    """Run `source` and return the value of its last expression (per
    `return_mode`), as Pyodide's `eval_code`."""
    if globals is None:
        globals = sys.modules["__main__"].__dict__
    if locals is None:
        locals = globals
    tree, last = _split(source, return_mode, quiet_trailing_semicolon, filename, flags)
    exec(compile(tree, filename, "exec", flags=flags), globals, locals)
    if last is not None:
        return eval(compile(ast.fix_missing_locations(last), filename, "eval", flags=flags), globals, locals)
    return None


async def eval_code_async(source, globals=None, locals=None, *, return_mode="last_expr",
                          quiet_trailing_semicolon=True, filename="<exec>", flags=0):
    """`eval_code` with top-level `await` allowed."""
    if globals is None:
        globals = sys.modules["__main__"].__dict__
    if locals is None:
        locals = globals
    flags |= ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    tree, last = _split(source, return_mode, quiet_trailing_semicolon, filename, flags)
    import inspect

    code = compile(tree, filename, "exec", flags=flags)
    result = eval(code, globals, locals)
    if code.co_flags & inspect.CO_COROUTINE:
        await result
    if last is not None:
        code = compile(ast.fix_missing_locations(last), filename, "eval", flags=flags)
        value = eval(code, globals, locals)
        if code.co_flags & inspect.CO_COROUTINE:
            value = await value
        return value
    return None


def find_imports(source):
    """The modules `source` imports, with their parent packages, sorted
    (without running it), as Pyodide's."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    names = set()

    def add(dotted):
        parts = dotted.split(".")
        for i in range(1, len(parts) + 1):
            names.add(".".join(parts[:i]))

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                add(a.name)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            add(node.module)
    return sorted(names)


def relaxed_call(func, *args, **kwargs):
    """Call `func`, dropping the arguments it has no parameter for."""
    import _bridge

    class _Kw:
        def __init__(self, d):
            self._d = d

        def as_object_map(self):
            return self._d

    return _bridge.proxy_call_with(func, args, _Kw(kwargs), True)


class CodeRunner:
    """Pyodide's step-by-step compiler/runner. Not provided here."""

    def __init__(self, *args, **kwargs):
        raise NotImplementedError(
            "pyodide.code.CodeRunner is not provided by this bridge; use eval_code or eval_code_async"
        )
