"""Helpers the bridge runs inside the interpreter. Not a public API."""

import sys

_RUNNER_FILE = "<bridge>"


def install_js_module():
    """Make `js` behave like Pyodide's, where it stands for `globalThis`:
    reading a missing attribute reads a JS global (the module's
    `__getattr__`), and setting or deleting one sets or deletes the global."""
    import js
    import types

    class JsModule(types.ModuleType):
        def __setattr__(self, name, value):
            if name.startswith("__") and name.endswith("__"):
                super().__setattr__(name, value)
            else:
                setattr(self.globalThis, name, value)

        def __delattr__(self, name):
            if name.startswith("__") and name.endswith("__"):
                super().__delattr__(name)
            else:
                delattr(self.globalThis, name)

    js.__class__ = JsModule


def run(source, globals):
    """Run `source` like Pyodide's runPython: execute every statement, and
    return the value of the last one if it is an expression (unless the
    source ends with a semicolon)."""
    import ast

    tree = ast.parse(source, "<exec>", "exec")
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr) and not source.rstrip().endswith(";"):
        last = ast.Expression(tree.body.pop().value)
    exec(compile(tree, "<exec>", "exec"), globals)
    if last is not None:
        return eval(compile(last, "<exec>", "eval"), globals)
    return None


def format_exception(exc):
    """The traceback text of `exc`, without the bridge's own frames."""
    import traceback

    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename == _RUNNER_FILE:
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(exc), exc, tb))
