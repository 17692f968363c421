import ast
from typing import Any, Literal

ReturnMode = Literal["last_expr", "last_expr_or_assign", "none"]

def run_js(code: str, /) -> Any: ...
def should_quiet(source: str, /) -> bool: ...
def eval_code(
    source: str,
    globals: dict[str, Any] | None = None,
    locals: dict[str, Any] | None = None,
    *,
    return_mode: ReturnMode = "last_expr",
    quiet_trailing_semicolon: bool = True,
    filename: str = "<exec>",
    flags: int = 0,
) -> Any: ...
async def eval_code_async(
    source: str,
    globals: dict[str, Any] | None = None,
    locals: dict[str, Any] | None = None,
    *,
    return_mode: ReturnMode = "last_expr",
    quiet_trailing_semicolon: bool = True,
    filename: str = "<exec>",
    flags: int = 0,
) -> Any: ...
def find_imports(source: str) -> list[str]: ...
def relaxed_call(func: Any, *args: Any, **kwargs: Any) -> Any: ...

class CodeRunner:
    """Raises NotImplementedError here (use eval_code / eval_code_async)."""
    ast: ast.Module
    def __init__(self, source: str, *, return_mode: ReturnMode = "last_expr", mode: str = "exec", quiet_trailing_semicolon: bool = True, filename: str = "<exec>", flags: int = 0) -> None: ...
