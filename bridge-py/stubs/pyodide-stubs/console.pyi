import asyncio
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any, Literal

BANNER: str

class ConsoleFuture(asyncio.Future[Any]):
    syntax_check: Literal["incomplete", "syntax-error", "complete"]
    formatted_error: str | None
    def __init__(self, syntax_check: Literal["incomplete", "syntax-error", "complete"]) -> None: ...

def repr_shorten(value: Any, limit: int = 1000, split: int | None = None, separator: str = "...") -> str: ...

class Console:
    globals: dict[str, Any]
    buffer: list[str]
    filename: str
    stdin_callback: Callable[[int], str] | None
    stdout_callback: Callable[[str], None] | None
    stderr_callback: Callable[[str], None] | None
    num_frames_to_keep: int
    def __init__(
        self,
        globals: dict[str, Any] | None = None,
        *,
        stdin_callback: Callable[[int], str] | None = None,
        stdout_callback: Callable[[str], None] | None = None,
        stderr_callback: Callable[[str], None] | None = None,
        persistent_stream_redirection: bool = False,
        filename: str = "<console>",
        dont_inherit: bool = False,
        optimize: int = -1,
    ) -> None: ...
    def persistent_redirect_streams(self) -> None: ...
    def persistent_restore_streams(self) -> None: ...
    def redirect_streams(self) -> AbstractContextManager[None]: ...
    def push(self, line: str) -> ConsoleFuture: ...
    def runsource(self, source: str, filename: str = "<console>") -> ConsoleFuture: ...
    async def runcode(self, code: Any) -> Any: ...
    def formatsyntaxerror(self, e: Exception) -> str: ...
    def formattraceback(self, e: BaseException) -> str: ...
    def complete(self, source: str) -> tuple[list[str], int]: ...

class PyodideConsole(Console): ...
