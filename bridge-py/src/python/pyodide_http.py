"""pyodide.http: HTTP from Python through the host's `fetch` (Pyodide's names
and semantics): `pyfetch`, `FetchResponse`, `open_url`, and the errors
`HttpStatusError`, `BodyUsedError`, `AbortError`."""

import asyncio
import io
import json

import js
from pyodide.ffi import JsException, to_js

__all__ = ["pyfetch", "FetchResponse", "open_url", "HttpStatusError", "BodyUsedError", "AbortError"]


class HttpStatusError(OSError):
    """`FetchResponse.raise_for_status()` on a 4XX or 5XX response."""

    def __init__(self, status, status_text, url):
        self.status = status
        self.status_text = status_text
        self.url = url
        if 400 <= status < 500:
            kind = "Client Error"
        elif 500 <= status < 600:
            kind = "Server Error"
        else:
            kind = "Invalid error code not between 400 and 599"
        super().__init__(f"{status} {kind}: {status_text} for url: {url}")

    def __reduce__(self):
        return (type(self), (self.status, self.status_text, self.url), self.__dict__)


class BodyUsedError(OSError):
    """A response body read twice (or cloned after it was read)."""

    def __init__(self, *args):
        super().__init__("Response body is already used")


class AbortError(OSError):
    """The request was aborted (`abort()`, its signal, or a cancelled task)."""

    def __init__(self, reason):
        message = getattr(reason, "message", None)
        super().__init__(message if isinstance(message, str) else str(reason))


def _fetch_options(kwargs, signal):
    options = to_js(kwargs, dict_converter=js.Object.fromEntries)
    if signal is not None:
        options.signal = signal
    return options


def _is_abort(e):
    try:
        return e.name == "AbortError"
    except Exception:
        return False


def _signal_for(controller, signal):
    """The request's signal: ours, or ours and the caller's together."""
    if signal is None:
        return controller.signal
    any_ = getattr(js.AbortSignal, "any", None)
    if any_ is None:
        raise NotImplementedError("pyfetch(signal=...) needs AbortSignal.any, which this host does not have")
    return any_(to_js([controller.signal, signal]))


async def _settle(promise, controller):
    """Await a JS promise of this request; cancelling the awaiting task aborts it."""
    try:
        return await promise
    except asyncio.CancelledError:
        if controller is not None:
            controller.abort()
        raise
    except JsException as e:
        if _is_abort(e):
            raise AbortError(e) from None
        raise OSError(e.message) from None


class FetchResponse:
    """A fetch `Response`, read from Python. Each body reader (`text`,
    `string`, `json`, `bytes`, `buffer`, `memoryview`, `unpack_archive`)
    consumes the body: a second one raises `BodyUsedError` (read a `clone()`
    first to read twice)."""

    def __init__(self, url, js_response, abort_controller=None):
        self._url = url
        self.js_response = js_response
        self._controller = abort_controller

    @property
    def body_used(self):
        return bool(self.js_response.bodyUsed)

    @property
    def headers(self):
        """The response headers, as a dict (names in lower case)."""
        return {str(k): str(v) for k, v in self.js_response.headers.entries()}

    @property
    def ok(self):
        return bool(self.js_response.ok)

    @property
    def redirected(self):
        return bool(self.js_response.redirected)

    @property
    def status(self):
        return int(self.js_response.status)

    @property
    def status_text(self):
        return str(self.js_response.statusText)

    @property
    def type(self):
        return str(self.js_response.type)

    @property
    def url(self):
        return str(self.js_response.url)

    def __repr__(self):
        return f"<FetchResponse {self.status} {self.url!r}>"

    def _check_unused(self):
        if self.body_used:
            raise BodyUsedError()

    def abort(self, reason=None):
        """Abort the request (and a body still being read)."""
        if self._controller is None:
            raise OSError("this response has no abort controller")
        if reason is None:
            self._controller.abort()
        else:
            self._controller.abort(reason)

    def raise_for_status(self):
        """Raise `HttpStatusError` for a 4XX or 5XX status."""
        if 400 <= self.status < 600:
            raise HttpStatusError(self.status, self.status_text, self.url)

    def clone(self):
        self._check_unused()
        return FetchResponse(self._url, self.js_response.clone(), self._controller)

    async def buffer(self):
        """The body as a JS ArrayBuffer (a `JsBuffer`)."""
        self._check_unused()
        return await _settle(self.js_response.arrayBuffer(), self._controller)

    async def text(self):
        """The body decoded as UTF-8."""
        self._check_unused()
        return str(await _settle(self.js_response.text(), self._controller))

    async def string(self):
        """The same as `text()`."""
        return await self.text()

    async def json(self, **kwargs):
        """The body parsed with `json.loads(text, **kwargs)`."""
        return json.loads(await self.text(), **kwargs)

    async def bytes(self):
        return (await self.buffer()).to_bytes()

    async def memoryview(self):
        return (await self.buffer()).to_memoryview()

    async def unpack_archive(self, *, extract_dir=None, format=None):
        """Unpack the body as an archive (`shutil.unpack_archive`: "zip",
        "tar", "gztar", "bztar", "xztar"; by default from the URL's file name)
        into `extract_dir` (default: the current directory)."""
        import os
        import shutil
        import tempfile

        data = await self.bytes()
        name = os.path.basename(self._url.split("?", 1)[0].split("#", 1)[0]) or "archive"
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, name)
            with open(path, "wb") as f:
                f.write(data)
            shutil.unpack_archive(path, extract_dir, format)


async def pyfetch(request, /, *, signal=None, fetcher=None, **kwargs):
    """`fetch(request, options)` from Python; `kwargs` are fetch's options
    (`method`, `headers`, `body`, `credentials`…). A network failure is an
    `OSError`, an aborted request an `AbortError`; cancelling the awaiting
    task aborts the request."""
    url = request if isinstance(request, str) else getattr(request, "url", None)
    if not isinstance(url, str):
        raise TypeError(f"pyfetch: request must be a URL string or a JS Request, not {type(request).__name__}")
    fetch = fetcher if fetcher is not None else js.fetch
    controller = js.AbortController.new()
    options = _fetch_options(kwargs, _signal_for(controller, signal))
    response = await _settle(fetch(request, options), controller)
    return FetchResponse(url, response, controller)


def open_url(url):
    """Fetch `url` synchronously (a synchronous XMLHttpRequest) as text in a
    `StringIO`. Needs a host with XMLHttpRequest (a browser page or
    worker); in Node use `await pyfetch(url)`."""
    xhr_class = getattr(js, "XMLHttpRequest", None)
    if xhr_class is None:
        raise NotImplementedError(
            "open_url needs a synchronous XMLHttpRequest, which this host does not have (Node); use await pyfetch(url)"
        )
    req = xhr_class.new()
    req.open("GET", url, False)
    try:
        req.send(None)
    except JsException as e:
        raise OSError(e.message) from None
    return io.StringIO(str(req.response))
