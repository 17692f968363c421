"""Helpers the bridge runs inside the interpreter. Not a public API."""

import sys

_RUNNER_FILE = "<bridge>"


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
