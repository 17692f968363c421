"""pyodide.console: an interactive console for a page's REPL (Pyodide's names
and semantics). `Console.push(line)` buffers lines until they form a
complete statement, then runs it (top-level `await` allowed) as an asyncio
task and returns a `ConsoleFuture` whose `syntax_check` is "incomplete",
"syntax-error" or "complete" and whose result is the statement's value."""

import ast
import asyncio
import codeop
import contextlib
import io
import platform
import rlcompleter
import sys
import traceback

__all__ = ["Console", "PyodideConsole", "BANNER", "repr_shorten", "ConsoleFuture"]

BANNER = (
    f"Python {platform.python_version()} ({', '.join(platform.python_build())}) on WebAssembly/WASI (pybridge)\n"
    'Type "help", "copyright", "credits" or "license" for more information.'
)

INCOMPLETE = "incomplete"
SYNTAX_ERROR = "syntax-error"
COMPLETE = "complete"


class ConsoleFuture(asyncio.Future):
    """The result of `Console.push`: `syntax_check` says whether the buffered
    source was complete; when it is, the future resolves to the value of the
    last expression (or None) or to the exception it raised."""

    def __init__(self, syntax_check):
        super().__init__()
        self.syntax_check = syntax_check
        self.formatted_error = None


def repr_shorten(value, limit=1000, split=None, separator="..."):
    """`repr(value)`, cut in the middle to at most about `limit` characters
    (`split` characters kept from the start, the same from the end)."""
    text = repr(value)
    if limit < 0 or len(text) <= limit:
        return text
    if split is None:
        split = limit // 2
    return text[:split] + separator + text[-split:] if split > 0 else text[:limit] + separator


class _Writer(io.TextIOBase):
    def __init__(self, callback, name):
        self._callback = callback
        self._name = name

    @property
    def name(self):
        return self._name

    def writable(self):
        return True

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self._callback(text)
        return len(text)

    def isatty(self):
        return False


class _Reader(io.TextIOBase):
    def __init__(self, callback):
        self._callback = callback
        self._pending = ""

    def readable(self):
        return True

    def readline(self, size=-1):
        while "\n" not in self._pending:
            chunk = self._callback(size if size and size > 0 else -1)
            if not chunk:
                break
            self._pending += chunk
        line, nl, rest = self._pending.partition("\n")
        self._pending = rest
        return line + nl

    def read(self, size=-1):
        out = self._pending
        self._pending = ""
        while True:
            chunk = self._callback(size)
            if not chunk:
                return out
            out += chunk


class Console:
    """An interactive console over `globals` (default: a fresh namespace),
    with stdin/stdout/stderr sent to the callbacks while code runs (or for
    good with `persistent_stream_redirection=True`)."""

    def __init__(self, globals=None, *, stdin_callback=None, stdout_callback=None, stderr_callback=None,
                 persistent_stream_redirection=False, filename="<console>", dont_inherit=False, optimize=-1):
        self.globals = {"__name__": "__console__", "__doc__": None} if globals is None else globals
        self.stdin_callback = stdin_callback
        self.stdout_callback = stdout_callback
        self.stderr_callback = stderr_callback
        self.filename = filename
        self.buffer = []
        # CommandCompiler tells an incomplete statement (None) from a bad one.
        self._compile = codeop.CommandCompiler()
        self._compile.compiler.flags |= ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
        self._dont_inherit = dont_inherit
        self._optimize = optimize
        self._lock = asyncio.Lock()
        self._saved = None
        self.completer = rlcompleter.Completer(self.globals)
        if persistent_stream_redirection:
            self.persistent_redirect_streams()

    # -- streams ------------------------------------------------------------

    def _streams(self):
        out = {}
        if self.stdin_callback is not None:
            out["stdin"] = _Reader(self.stdin_callback)
        if self.stdout_callback is not None:
            out["stdout"] = _Writer(self.stdout_callback, "<stdout>")
        if self.stderr_callback is not None:
            out["stderr"] = _Writer(self.stderr_callback, "<stderr>")
        return out

    def persistent_redirect_streams(self):
        """Send the standard streams to the callbacks until `persistent_restore_streams()`."""
        if self._saved is not None:
            return
        self._saved = {k: getattr(sys, k) for k in ("stdin", "stdout", "stderr")}
        for k, v in self._streams().items():
            setattr(sys, k, v)

    def persistent_restore_streams(self):
        if self._saved is None:
            return
        for k, v in self._saved.items():
            setattr(sys, k, v)
        self._saved = None

    @contextlib.contextmanager
    def redirect_streams(self):
        """The callbacks as the standard streams for the duration of a `with`."""
        if self._saved is not None:
            yield
            return
        saved = {k: getattr(sys, k) for k in ("stdin", "stdout", "stderr")}
        for k, v in self._streams().items():
            setattr(sys, k, v)
        try:
            yield
        finally:
            for k, v in saved.items():
                setattr(sys, k, v)

    # -- running ------------------------------------------------------------

    def push(self, line):
        """Add `line` to the buffer and run the buffer if it is complete."""
        self.buffer.append(line)
        result = self.runsource("\n".join(self.buffer), self.filename)
        if result.syntax_check != INCOMPLETE:
            self.buffer = []
        return result

    def runsource(self, source, filename="<console>"):
        try:
            code = self._compile(source, filename, "single")
        except (OverflowError, SyntaxError, ValueError) as e:
            fut = ConsoleFuture(SYNTAX_ERROR)
            if isinstance(e, SyntaxError) and e.filename == filename:
                e = e.with_traceback(None)
            fut.formatted_error = self.formatsyntaxerror(e)
            fut.set_exception(e)
            return fut
        if code is None:
            fut = ConsoleFuture(INCOMPLETE)
            fut.set_result(None)
            return fut
        fut = ConsoleFuture(COMPLETE)

        def done(task):
            if task.cancelled():
                fut.cancel()
                return
            exc = task.exception()
            if exc is not None:
                fut.formatted_error = self.formattraceback(exc)
                fut.set_exception(exc)
            else:
                fut.set_result(task.result())

        asyncio.ensure_future(self._run_locked(code)).add_done_callback(done)
        return fut

    async def _run_locked(self, code):
        async with self._lock:
            return await self.runcode(code)

    async def runcode(self, code):
        """Run a compiled statement; its value (what `sys.displayhook` would show) is the result."""
        shown = []

        def hook(value):
            if value is not None:
                shown.append(value)
                self.globals["_"] = value

        old_hook = sys.displayhook
        sys.displayhook = hook
        try:
            with self.redirect_streams():
                value = eval(code, self.globals)
                if asyncio.iscoroutine(value):
                    value = await value
        finally:
            sys.displayhook = old_hook
        return shown[-1] if shown else None

    # -- formatting and completion --------------------------------------------

    num_frames_to_keep = 1

    def formatsyntaxerror(self, e):
        return "".join(traceback.format_exception_only(type(e), e))

    def formattraceback(self, e):
        """The traceback from the user's code on (the console's own frames left out)."""
        own = (Console.runcode.__code__, Console._run_locked.__code__)
        tb = e.__traceback__
        while tb is not None and tb.tb_frame.f_code in own:
            tb = tb.tb_next
        return "".join(traceback.format_exception(type(e), e, tb))

    def complete(self, source):
        """Completions of the last word of `source`: `(names, start index)`."""
        i = len(source)
        while i > 0 and (source[i - 1].isalnum() or source[i - 1] in "._"):
            i -= 1
        word = source[i:]
        names = []
        state = 0
        while True:
            name = self.completer.complete(word, state)
            if name is None:
                break
            names.append(name)
            state += 1
        return names, i


class PyodideConsole(Console):
    """Pyodide's variant also loads packages a statement imports; without a
    package index (see `loadPackagesFromImports`) it behaves as `Console`."""
