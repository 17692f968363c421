"""Helpers the bridge runs inside the interpreter. Not a public API."""

import sys

_RUNNER_FILE = "<bridge>"


# C modules this runtime does not have, and why (docs/stdlib.md): importing
# one is a ModuleNotFoundError that says so, instead of a bare "No module
# named '_ctypes'". (An ImportError still, so `try: import x` fallbacks work.)
_EXTRA = "is in the optional standard-library archive: load the runtime with loadPython({ fullStdLib: true })"
_UNAVAILABLE = {
    "pydoc_data": f"pydoc_data (help() topics) {_EXTRA}",
    "tzdata": f"the time zone database {_EXTRA}, or install the tzdata wheel",
    "_pydecimal": f"_pydecimal {_EXTRA} (decimal uses the built-in _decimal)",
    "_pyio": f"_pyio {_EXTRA}",
    "_pydatetime": f"_pydatetime {_EXTRA} (datetime uses the built-in _datetime)",
    "turtle": f"turtle {_EXTRA} (and needs Tk, which this runtime does not have)",
    "_ctypes": "ctypes needs libffi and loading shared libraries, which wasm32-wasi does not have",
    "_ssl": "ssl needs OpenSSL, which this build does not include; for HTTPS use pyodide.http.pyfetch (the host's fetch)",
    "mmap": "wasm32-wasi has no memory-mapped files",
    "fcntl": "wasm32-wasi has no fcntl/ioctl on file descriptors",
    "termios": "wasm32-wasi has no terminals (termios, tty, pty)",
    "readline": "there is no terminal line editor in a wasm runtime (see pyodide.console for a REPL)",
    "_curses": "there is no terminal in a wasm runtime",
    "grp": "wasm32-wasi has no user or group database",
    "pwd": "wasm32-wasi has no user or group database",
    "resource": "wasm32-wasi has no resource limits",
    "syslog": "wasm32-wasi has no syslog",
    "_posixsubprocess": "wasm32-wasi cannot start processes",
    "_tkinter": "there is no Tk here; the page's DOM is reached through the js module",
    "tkinter": "there is no Tk here; the page's DOM is reached through the js module",
}


class _UnavailableModules:
    """Last on sys.meta_path: a clear error for the C modules this runtime lacks."""

    def find_spec(self, fullname, path, target=None):
        reason = _UNAVAILABLE.get(fullname)
        if reason is not None:
            raise ModuleNotFoundError(f"No module named {fullname!r}: {reason}", name=fullname)
        return None


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
    sys.meta_path.append(_UnavailableModules())
    js.JsException.__getattr__ = _js_exception_getattr
    for cls in (js.JsException, js.ConversionError):
        cls.__module__ = "pyodide.ffi"
    _install_ffi_module(js)


def _install_ffi_module(js):
    """`pyodide.ffi`: the JsProxy class tree under Pyodide's public names.
    (The rest of Pyodide's `pyodide` package comes with its own issue.)"""
    import types

    pyodide = sys.modules.get("pyodide")
    if pyodide is None:
        pyodide = types.ModuleType("pyodide", "Pyodide-compatible names (pybridge).")
        pyodide.__path__ = []
        sys.modules["pyodide"] = pyodide
    ffi = types.ModuleType("pyodide.ffi", "The Python <-> JavaScript foreign-function interface.")
    names = ["JsProxy", "JsCallable", "JsPromise", "JsIterable", "JsIterator", "JsGenerator",
             "JsArray", "JsTypedArray", "JsBuffer", "JsMap", "JsMutableMap", "JsSet", "JsException",
             "JsAsyncIterable", "JsAsyncIterator", "JsAsyncGenerator", "JsDomElement"]
    js.__dict__["JsTypedArray"] = typed_array_class_cached()
    for name in names:
        setattr(ffi, name, getattr(js, name))
    ffi.to_js = js.to_js
    ffi.register_js_module = register_js_module
    ffi.unregister_js_module = unregister_js_module
    for name in ("create_proxy", "create_once_callable", "destroy_proxies", "JsDoubleProxy"):
        setattr(ffi, name, getattr(js, name))
    # Pyodide's names for kinds we do not give classes of their own.
    ffi.JsCallableDoubleProxy = js.JsDoubleProxy
    ffi.JsOnceCallable = js.JsCallable
    ffi.ConversionError = js.ConversionError
    ffi.jsnull = js.jsnull
    ffi.JsNull = js.JsNull
    _json_writes_jsnull(js.jsnull)
    ffi.__all__ = names + ["jsnull", "JsNull", "to_js", "ConversionError", "create_proxy",
                           "create_once_callable", "destroy_proxies", "JsDoubleProxy",
                           "register_js_module", "unregister_js_module"]
    import collections.abc as abc
    abc.MutableSequence.register(js.JsArray)
    abc.Mapping.register(js.JsMap)
    abc.MutableMapping.register(js.JsMutableMap)
    abc.Iterable.register(js.JsIterable)
    abc.Iterator.register(js.JsIterator)
    abc.AsyncIterable.register(js.JsAsyncIterable)
    abc.AsyncIterator.register(js.JsAsyncIterator)
    abc.AsyncGenerator.register(js.JsAsyncGenerator)
    abc.Generator.register(js.JsGenerator)
    ffi.JsObjectMap = sys.modules[__name__].JsObjectMap
    ffi.IN_BROWSER = hasattr(js, "document")
    ffi.can_run_sync = _can_run_sync
    ffi.run_sync = _run_sync
    ffi.__all__ += ["IN_BROWSER", "can_run_sync", "run_sync"]
    sys.modules["pyodide.ffi"] = ffi
    pyodide.ffi = ffi
    # pyodide.code: compiled on first import (see _LazyModules).
    sys.meta_path.insert(0, _LazyModules({
        "pyodide.code": _CODE_SOURCE,
        "pyodide.http": _HTTP_SOURCE,
        "pyodide.console": _CONSOLE_SOURCE,
        "_bridge_wheels": _WHEELS_SOURCE,
        "micropip": _MICROPIP_SOURCE,
    }))


_TYPED_ARRAY_CLASS = []


def typed_array_class_cached():
    if not _TYPED_ARRAY_CLASS:
        _TYPED_ARRAY_CLASS.append(typed_array_class())
    return _TYPED_ARRAY_CLASS[0]


def typed_array_class():
    """`pyodide.ffi.JsTypedArray`: a JsArray and a JsBuffer (the pyo3 classes
    have one base each; neither adds fields, so Python can join them)."""
    import js

    class JsTypedArray(js._JsTypedArrayBase, js.JsBuffer):
        """A JS typed array: a sequence of its numbers and a buffer of its
        element kind (memoryview, bytes, struct...)."""
        __slots__ = ()

    JsTypedArray.__module__ = "pyodide.ffi"
    JsTypedArray.__qualname__ = "JsTypedArray"
    return JsTypedArray


def _object_map_class():
    import collections.abc
    import js

    class JsObjectMap(js._JsObjectMapBase, collections.abc.MutableMapping):
        """`obj.as_object_map()`: a live mapping of a JS object's enumerable
        properties. Still a JsProxy of the object: it crosses back to JS as it."""
        __slots__ = ()

    # The mapping methods come from MutableMapping (over the dunders the base
    # defines), not from JsMap's, which call the JS Map methods.
    for name in ("keys", "values", "items", "get", "pop", "popitem", "setdefault", "update", "clear"):
        setattr(JsObjectMap, name, getattr(collections.abc.MutableMapping, name))
    JsObjectMap.__module__ = "pyodide.ffi"
    return JsObjectMap


def __getattr__(name):
    # The class is made on first use (the `js` module must exist first).
    if name == "JsObjectMap":
        cls = _object_map_class()
        globals()["JsObjectMap"] = cls
        return cls
    raise AttributeError(name)


def js_throw_step(gen, method, error):
    """`gen[method](e)` for `throw`/`athrow`: `e` is a JsException's JS error,
    or for any other exception its PythonError (made by raising it inside a
    JS call), so JS sees an Error, and rethrown it is the original again. An
    exception class is instantiated first, as `generator.throw` does."""
    import js

    if isinstance(error, type):
        error = error()
    if not isinstance(error, BaseException):
        raise TypeError("exceptions must be classes or instances deriving from BaseException")
    if isinstance(error, js.JsException) and getattr(error, "js_error", None) is not None:
        return getattr(gen, method)(error.js_error)

    def raise_():
        raise error

    try:
        return js._helper("throwInto")(gen, method, raise_)
    finally:
        # The exception's traceback holds this frame, and the PythonError JS
        # keeps holds the exception: with `gen` still here, a generator that
        # kept the error (suspended in its catch block) would keep itself
        # alive through Python, a cycle neither garbage collector can see.
        del gen, error, raise_


class _JsAsyncIteration:
    """`aiter(obj)` when `obj[Symbol.asyncIterator]()` is not itself a
    JsAsyncIterator (a plain `{next() {...}}` object)."""

    def __init__(self, it):
        self._it = it

    def __aiter__(self):
        return self

    def __anext__(self):
        return js_astep(self._it, "next")


def js_aiter(obj):
    import js

    it = js._helper("asyncIter")(obj)
    if isinstance(it, js.JsAsyncIterator):
        return it
    if isinstance(it, js.JsProxy):
        return js.JsAsyncIterator(it)
    return _JsAsyncIteration(it)


def _async_result(step):
    """A JS `{done, value}` as an async generator step: the value, or
    StopAsyncIteration carrying the return value (as in Pyodide)."""
    if step.done:
        value = step.value
        raise StopAsyncIteration() if value is None else StopAsyncIteration(value)
    return step.value


async def js_astep(it, method, *args):
    return _async_result(await getattr(it, method)(*args))


async def js_athrow(gen, error):
    step = js_throw_step(gen, "throw", error)
    del gen, error  # see js_throw_step
    return _async_result(await step)


async def js_aclose(gen):
    step = await getattr(gen, "return")()
    if not step.done:
        raise RuntimeError("JavaScript generator ignored return")


def _json_writes_jsnull(jsnull):
    """`json.dumps(jsnull)` is `null`, as in Pyodide (which patches CPython's
    json modules): whatever `default` the encoder has, jsnull is encoded as
    None first."""
    import json.encoder as enc

    def wrap(default):
        def encode_default(o):
            if o is jsnull:
                return None
            return default(o)

        return encode_default

    if enc.c_make_encoder is not None:
        c_make = enc.c_make_encoder
        enc.c_make_encoder = lambda markers, default, *rest: c_make(markers, wrap(default), *rest)
    py_make = enc._make_iterencode
    enc._make_iterencode = lambda markers, default, *rest, **kw: py_make(markers, wrap(default), *rest, **kw)


# ---- asyncio: the loop module is compiled on first use (asyncio is slow to
# import), when JS awaits Python, runPythonAsync runs, Python awaits JS, or
# user code imports asyncio.

_LOOP_HOOKS = None


def set_loop_hooks(hooks):
    """The JS half of the loop (package/loop.js), given at start-up."""
    global _LOOP_HOOKS
    _LOOP_HOOKS = hooks
    sys.meta_path.insert(0, _AsyncioImportHook())


def loop_module():
    m = sys.modules.get("_bridge_loop")
    if m is None:
        import types

        m = types.ModuleType("_bridge_loop", "asyncio on the JS event loop (the bridge's WebLoop).")
        sys.modules["_bridge_loop"] = m
        try:
            exec(compile(_LOOP_SOURCE, "<bridge>", "exec"), m.__dict__)
            m.install(_LOOP_HOOKS)
        except BaseException:
            del sys.modules["_bridge_loop"]
            raise
    return m


def loop_drain(from_timer):
    loop_module().drain(from_timer)


def loop_settle(key, is_error, value):
    loop_module().settle(key, is_error, value)


class _AsyncioImportHook:
    """Install the loop as soon as user code imports asyncio, so that
    asyncio.get_event_loop() and ensure_future() use it from the start."""

    def find_spec(self, name, path, target=None):
        if name != "asyncio":
            return None
        sys.meta_path.remove(self)
        import importlib.util

        spec = importlib.util.find_spec("asyncio")
        if spec is not None and spec.loader is not None:
            spec.loader = _ThenInstallLoop(spec.loader)
        return spec


class _ThenInstallLoop:
    def __init__(self, loader):
        self._loader = loader

    def __getattr__(self, name):
        return getattr(self._loader, name)

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        loop_module()


def _can_run_sync():
    """`pyodide.ffi.can_run_sync()`: False here (no JS Promise Integration)."""
    return False


def _run_sync(awaitable):
    """`pyodide.ffi.run_sync`: blocking on a JS promise needs JS Promise
    Integration (stack switching), which this build does not use."""
    if hasattr(awaitable, "close"):
        awaitable.close()
    raise NotImplementedError(
        "pyodide.ffi.run_sync needs JS Promise Integration (WebAssembly stack switching), which this build "
        "does not use; await the awaitable instead (top-level await works in runPythonAsync)"
    )


class _LazyModules:
    """Modules of the bridge's `pyodide` package compiled on first import."""

    def __init__(self, sources):
        self._sources = sources

    def find_spec(self, fullname, path, target=None):
        source = self._sources.get(fullname)
        if source is None:
            return None
        import importlib.machinery

        return importlib.machinery.ModuleSpec(fullname, _SourceLoader(source), origin="<bridge>")


class _SourceLoader:
    def __init__(self, source):
        self._source = source

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        exec(compile(self._source, f"<bridge:{module.__name__}>", "exec"), module.__dict__)
        parent, _, child = module.__name__.rpartition(".")
        if parent in sys.modules:
            setattr(sys.modules[parent], child, module)


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


_RESULT = "__bridge_result__"


def run_async(source, globals, locals=None, filename="<exec>"):
    """runPythonAsync: like run(), with top-level `await` allowed. The code
    runs as a Task on the asyncio loop (which runs on the JS event loop);
    returns a JS Promise of the last expression's value."""
    import ast
    import inspect

    _bridge_loop = loop_module()
    if locals is None:
        locals = globals
    tree = ast.parse(source, filename, "exec")
    has_last = bool(tree.body) and isinstance(tree.body[-1], ast.Expr) and not source.rstrip().endswith(";")
    if has_last:
        last = tree.body[-1]
        tree.body[-1] = ast.copy_location(ast.Assign(targets=[ast.Name(_RESULT, ast.Store())], value=last.value), last)
        ast.fix_missing_locations(tree)
    code = compile(tree, filename, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    is_coroutine = bool(code.co_flags & inspect.CO_COROUTINE)

    async def main():
        awaitable = eval(code, globals, locals)
        if is_coroutine:
            await awaitable
        return locals.pop(_RESULT, None) if has_last else None

    return _bridge_loop.to_promise(main())


def run_async_with(source, globals, locals, filename):
    """`runPythonAsync(code, {globals, locals, filename})`."""
    if globals is None:
        globals = sys.modules["__main__"].__dict__
    return run_async(source, globals, locals, filename or "<exec>")


def await_js(proxy):
    """`await js_thing` in any coroutine: a Future of the asyncio loop, settled
    by the JS thenable."""
    _bridge_loop = loop_module()

    if not _is_thenable(proxy):
        raise TypeError(f"object {proxy!r} can't be used in 'await' expression: it has no then() method")
    fut = _bridge_loop.loop()._await_promise(proxy)
    # Not kept in this frame: a rejection's exception holds the frame (its
    # traceback) and the promise holds the exception (its PythonError), a
    # cycle through both heaps that neither garbage collector sees.
    del proxy
    return (yield from fut.__await__())


def _is_thenable(proxy):
    then = getattr(proxy, "then", None)
    return getattr(then, "js_type", None) == "function"


def js_exception_of(proxy):
    """A JsException for the JS Error `proxy` (a plain JsProxy of it)."""
    import js

    try:
        name = str(proxy.name)
    except Exception:
        name = "Error"
    try:
        message = str(proxy.message)
    except Exception:
        message = ""
    exc = js.JsException(f"{name}: {message}")
    exc.name, exc.message, exc.js_error = name, message, proxy
    return exc


def _js_exception_getattr(self, name):
    """`e.stack`, `e.cause`…: the JS error's own properties."""
    js_error = self.__dict__.get("js_error")
    if js_error is None or name.startswith("__"):
        raise AttributeError(name)
    return getattr(js_error, name)


def _rejection(value):
    """The exception to throw into a coroutine for a rejected promise."""
    import js

    if isinstance(value, BaseException):
        return value  # a Python exception that went out through JS (or a JS Error) as itself
    if isinstance(value, js.JsProxy):
        try:
            name, message = str(value.name), str(value.message)
        except AttributeError:
            name, message = "Error", f"a promise was rejected with {value!r}"
    else:
        name, message = "Error", f"a promise was rejected with a non-Error value: {value!r}"
    exc = js.JsException(f"{name}: {message}")
    exc.name, exc.message, exc.js_error = name, message, value
    return exc


def nested_to_py(depth, default_converter):
    """The `convert` a `to_py(default_converter=...)` hands the converter:
    converts a nested value with the same options."""
    import js

    def convert(value):
        if isinstance(value, js.JsProxy):
            return value.to_py(depth=depth, default_converter=default_converter)
        return value

    return convert


_CONVERTING = []  # objects a default_converter is converting now (innermost last)
_CACHES = []  # their to_js calls' conversion caches


def nested_to_js(depth, pyproxies, create_pyproxies, dict_converter, default_converter):
    """`(convert, cacheConversion, cache)` for a `to_js(default_converter=...)`
    call: `convert` converts a nested value with the same options;
    `cacheConversion(value, converted)` records a conversion, so that a cycle
    through an object the converter handles converts to a cycle. Nested
    conversions share the outermost call's cache."""
    import js

    cache = _CACHES[-1] if _CACHES else {}

    def convert(value):
        hit = cache.get(id(value))
        if hit is not None:
            return hit[1]
        # The object the converter is converting now converts by the default
        # rules (else convert(v) inside the converter would recurse forever).
        again = any(value is v for v in _CONVERTING)
        return js.to_js(value, depth=depth, pyproxies=pyproxies, create_pyproxies=create_pyproxies,
                        dict_converter=dict_converter, default_converter=None if again else default_converter)

    def cache_conversion(value, converted):
        cache[id(value)] = (value, converted)  # holding `value` keeps its id unique

    return convert, cache_conversion, cache


def nested_eager(depth, pyproxies, create_pyproxies, dict_converter, default_converter, eager):
    """`(convert, cacheConversion, cache)` for `to_js(eager_converter=...)`:
    `convert(v)` converts `v` by the built-in rules (the eager converter still
    sees its children)."""
    import js

    cache = _CACHES[-1] if _CACHES else {}

    def convert(value):
        hit = cache.get(id(value))
        if hit is not None:
            return hit[1]
        return js.to_js(value, depth=depth, pyproxies=pyproxies, create_pyproxies=create_pyproxies,
                        dict_converter=dict_converter, default_converter=default_converter,
                        eager_converter=eager, _eager_skip=value)

    def cache_conversion(value, converted):
        cache[id(value)] = (value, converted)

    return convert, cache_conversion, cache


def call_default_converter(converter, value, convert, cache_conversion, cache):
    """`default_converter(value, convert, cacheConversion)`; an object converts once."""
    hit = cache.get(id(value))
    if hit is not None:
        return hit[1]
    _CONVERTING.append(value)
    _CACHES.append(cache)
    try:
        result = converter(value, convert, cache_conversion)
    finally:
        _CONVERTING.pop()
        _CACHES.pop()
    cache.setdefault(id(value), (value, result))
    return result


def nd_rows(view):
    """An n-D buffer as nested lists of 1-D memoryviews of a copy (to_js)."""
    import math

    fmt = view.format.lstrip("@=<")
    flat = memoryview(view.tobytes()).cast("B").cast(fmt) if fmt not in ("B", "b", "c") else memoryview(view.tobytes()).cast(fmt)
    shape = list(view.shape)

    def build(offset, dims):
        if len(dims) == 1:
            return flat[offset:offset + dims[0]]
        step = math.prod(dims[1:])
        return [build(offset + i * step, dims[1:]) for i in range(dims[0])]

    return build(0, shape)


def proxy_to_js(o, depth, pyproxies, create_pyproxies, dict_converter, default_converter, eager_converter=None):
    """`proxy.toJs(options)` from JS (options already unpacked by the JS side)."""
    import js

    return js.to_js(o, depth=depth, pyproxies=pyproxies, create_pyproxies=create_pyproxies,
                    dict_converter=dict_converter, default_converter=default_converter,
                    eager_converter=eager_converter)


def _no_cache(value, converted):
    pass


def to_py_from_js(value, depth, default_converter):
    """JS `py.toPy(value, options)`."""
    import js

    if isinstance(value, js.JsProxy):
        return value.to_py(depth=depth, default_converter=default_converter)
    return value


def format_exception(exc):
    """The traceback text of `exc`, without the bridge's own frames."""
    import traceback

    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename == _RUNNER_FILE:
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(exc), exc, tb))


# ---- What a PyProxy's JS members call (bridge-js/package/pyproxy_members.js).
# One Python call each; the JS side caches these functions at start-up.


def proxy_len(o):
    return len(o)


def proxy_get(o, key):
    """`proxy.get(key)`: `o[key]`, or None (JS undefined) when missing."""
    try:
        return o[key]
    except (KeyError, IndexError):
        return None


def proxy_set(o, key, value):
    o[key] = value


def proxy_delete(o, key):
    del o[key]


def proxy_has(o, key):
    return key in o


def proxy_delattr(o, name):
    delattr(o, name)


def proxy_iter(o):
    return iter(o)


def proxy_dir(o):
    """`Reflect.ownKeys(proxy)`: dir(), and a dict's str and
    int keys (as property names), as one string."""
    names = [n for n in dir(o) if isinstance(n, str)]
    if isinstance(o, dict):
        names += [str(k) for k in o if isinstance(k, (str, int)) and not isinstance(k, bool)]
    return "\0".join(dict.fromkeys(names))


def _dict_key(o, prop):
    """The key of dict `o` a JS property name stands for: `prop`, or the int it spells."""
    if prop in o:
        return prop
    try:
        k = int(prop)
    except ValueError:
        return _MISSING
    return k if str(k) == prop and k in o else _MISSING


_MISSING = object()


def proxy_dict_has(o, prop):
    return _dict_key(o, prop) is not _MISSING


def proxy_dict_item(o, prop):
    return o[_dict_key(o, prop)]


def _js_array(*items):
    import js

    return js.Array.of(*items)


def _exception_from_js(err):
    """A JS value thrown into Python code (generator.throw from JS)."""
    import js

    if isinstance(err, BaseException):
        return err  # a PythonError's own exception, or a JsException
    raise TypeError(f"exceptions must be classes or instances deriving from BaseException, not {type(err).__name__}")


def proxy_gen_throw(gen, err):
    """`gen.throw(err)` from JS: `[done, value]` as a JS array."""
    try:
        return _js_array(False, gen.throw(_exception_from_js(err)))
    except StopIteration as stop:
        return _js_array(True, stop.value)


def proxy_gen_return(gen, value):
    """`gen.return(value)` from JS: close the generator (its `finally` runs);
    `[done, value]`: a generator that yields instead is not done."""
    try:
        yielded = gen.throw(GeneratorExit)
    except GeneratorExit:
        return _js_array(True, value)
    except StopIteration as stop:
        # a value returned while handling GeneratorExit wins, as in Pyodide
        return _js_array(True, value if stop.value is None else stop.value)
    return _js_array(False, yielded)


async def _await_any(x):
    return await x


def proxy_await(x):
    """`await proxy` from JS: a JS Promise settled by `x` run on the loop (a
    coroutine becomes a Task)."""
    return loop_module().to_promise(x)


def proxy_aiter(o):
    return aiter(o)


async def _anext_step(it, method, args):
    try:
        if method == "next":
            value = await (it.asend(args[0]) if args and hasattr(it, "asend") else anext(it))
        elif method == "throw":
            value = await it.athrow(_exception_from_js(args[0]))
        else:
            await it.aclose()
            return _js_array(True, args[0] if args else None)
    except StopAsyncIteration:
        return _js_array(True, None)
    return _js_array(False, value)


def proxy_anext(it, method, *args):
    """One step of an async iterator from JS (`next`, `throw`, `return`): a
    JS Promise of `[done, value]`."""
    return loop_module().to_promise(_anext_step(it, method, args))


def proxy_call_with(f, args, kwargs, relaxed):
    """`callKwargs`, `callRelaxed`, `callWithOptions({kwargs, relaxed})` from
    JS: `kwargs` a JS object of keyword arguments (or None); `relaxed` drops
    the arguments `f` has no parameter for."""
    args = list(args)
    kw = dict(kwargs.as_object_map()) if kwargs is not None else {}
    if relaxed:
        import inspect

        try:
            sig = inspect.signature(f)
        except (TypeError, ValueError):
            sig = None
        if sig is not None:
            params = list(sig.parameters.values())
            if not any(p.kind == p.VAR_POSITIONAL for p in params):
                n = sum(1 for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD))
                args = args[:n]
            if not any(p.kind == p.VAR_KEYWORD for p in params):
                kw = {k: v for k, v in kw.items() if k in sig.parameters}
    return f(*args, **kw)


# ---- JS objects as Python modules: registerJsModule / register_js_module


_JS_MODULES = {}  # name -> the JsProxy it stands for


class _JsModuleFinder:
    """Imports of registered JS modules and their submodules: `import name`,
    `from name import f`, `import name.sub` (an object property of the module)."""

    def find_spec(self, fullname, path, target=None):
        obj = _js_module_object(fullname)
        if obj is None:
            return None
        import importlib.machinery

        return importlib.machinery.ModuleSpec(fullname, _JsModuleLoader(obj), is_package=True)


def _js_module_object(fullname):
    head, _, rest = fullname.partition(".")
    obj = _JS_MODULES.get(fullname)
    if obj is not None:
        return obj
    obj = _JS_MODULES.get(head)
    if obj is None or not rest:
        return None
    for part in rest.split("."):
        try:
            obj = getattr(obj, part)
        except AttributeError:
            return None
    import js

    return obj if isinstance(obj, js.JsProxy) else None


class _JsModuleLoader:
    def __init__(self, obj):
        self._obj = obj

    def create_module(self, spec):
        import types

        obj = self._obj

        class JsModule(types.ModuleType):
            def __getattr__(self, name):
                if name.startswith("__") and name.endswith("__"):
                    raise AttributeError(name)
                try:
                    return getattr(obj, name)
                except AttributeError:
                    raise AttributeError(f"module {spec.name!r} has no attribute {name!r}") from None

            def __dir__(self):
                return sorted(set(super().__dir__()) | set(dir(obj)))

        m = JsModule(spec.name)
        m.__path__ = []
        m.__js_object__ = obj
        return m

    def exec_module(self, module):
        pass


def register_js_module(name, jsproxy):
    """`pyodide.ffi.register_js_module(name, obj)`: JS object `obj` importable as `name`."""
    import js

    if not isinstance(name, str) or not name:
        raise TypeError("register_js_module: the name must be a non-empty str")
    if not isinstance(jsproxy, js.JsProxy):
        raise TypeError(f"register_js_module: expected a JS object for {name!r}, got {type(jsproxy).__name__}")
    if not any(isinstance(f, _JsModuleFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _JsModuleFinder())
    _JS_MODULES[name] = jsproxy
    # A module imported before under this name is replaced on the next import.
    for key in [k for k in sys.modules if k == name or k.startswith(name + ".")]:
        if getattr(sys.modules[key], "__js_object__", None) is not None:
            del sys.modules[key]


def unregister_js_module(name):
    """`pyodide.ffi.unregister_js_module(name)`: later imports of `name` fail;
    a module already imported stays in sys.modules (as in Pyodide)."""
    try:
        del _JS_MODULES[name]
    except KeyError:
        raise ValueError(f"Cannot unregister {name!r}: no Javascript module with that name is registered") from None


# ---- `py.FS` (bridge-js/package/fs.js): the interpreter's file system from JS


def _fs_path(p):
    """An absolute, normalized path; `..` cannot climb above the root."""
    import os.path

    full = os.path.normpath(os.path.join(os.getcwd(), p))
    if not full.startswith("/"):
        raise OSError(22, f"path {p!r} escapes the root", p)
    return full


def fs_op(name, *args):
    """One FS operation: `[None, value]`, or `[errno name, errno, message]`."""
    import errno
    import js
    import os
    import stat as st

    try:
        if name == "write":
            with open(_fs_path(args[0]), "wb") as f:
                f.write(bytes(args[1]))
            value = None
        elif name == "read":
            with open(_fs_path(args[0]), "rb") as f:
                value = js.to_js(f.read())
        elif name == "mkdir":
            full = _fs_path(args[0])
            if os.path.lexists(full):  # the WASI shim would not say so itself
                raise FileExistsError(errno.EEXIST, "File exists", full)
            os.mkdir(full)
            value = None
        elif name == "makedirs":
            os.makedirs(_fs_path(args[0]), exist_ok=True)
            value = None
        elif name == "listdir":
            value = sorted(os.listdir(_fs_path(args[0])))
        elif name == "stat":
            s = os.stat(_fs_path(args[0]))
            value = [s.st_mode, s.st_size, s.st_mtime, s.st_atime, s.st_ctime, st.S_ISREG(s.st_mode), st.S_ISDIR(s.st_mode)]
        elif name == "unlink":
            os.unlink(_fs_path(args[0]))
            value = None
        elif name == "rmdir":
            os.rmdir(_fs_path(args[0]))
            value = None
        elif name == "rename":
            os.rename(_fs_path(args[0]), _fs_path(args[1]))
            value = None
        elif name == "analyze":
            full = _fs_path(args[0])
            parent = os.path.dirname(full)
            value = [os.path.exists(full), full == "/", full, os.path.basename(full), parent, os.path.isdir(parent)]
        else:
            raise ValueError(f"unknown FS operation {name!r}")
    except OSError as e:
        code = errno.errorcode.get(e.errno, "EIO")
        return _js_array(code, e.errno or 5, f"{e.strerror or e}: {args[0]!r}")
    return _js_array(None, value)


_ARCHIVE_FORMATS = {
    "zip": "zip", "whl": "zip", "wheel": "zip",
    "tar": "tar",
    "gztar": "gztar", "tgz": "gztar", "tar.gz": "gztar",
    "bztar": "bztar", "tbz": "bztar", "tar.bz2": "bztar",
    "xztar": "xztar", "txz": "xztar", "tar.xz": "xztar",
}


def unpack_archive(data, format, extract_dir):
    """`unpackArchive(buffer, format, {extractDir})`: `shutil.unpack_archive`
    with tar's "data" filter (no member may land outside `extract_dir`, no
    device files or absolute links)."""
    import os
    import shutil
    import tempfile

    if not isinstance(format, str) or format.lower() not in _ARCHIVE_FORMATS:
        raise ValueError(f"unpackArchive: unknown archive format {format!r} (one of {', '.join(sorted(_ARCHIVE_FORMATS))})")
    fmt = _ARCHIVE_FORMATS[format.lower()]
    target = _fs_path(extract_dir) if extract_dir else os.getcwd()
    os.makedirs(target, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "archive")
        with open(path, "wb") as f:
            f.write(bytes(data))
        kwargs = {} if fmt == "zip" else {"filter": "data"}
        try:
            shutil.unpack_archive(path, target, fmt, **kwargs)
        except shutil.ReadError as e:
            raise ValueError(f"unpackArchive: the buffer is not a valid {format} archive ({e})") from None


def run_with(source, globals, locals, filename):
    """`runPython(code, {globals, locals, filename})`."""
    import ast

    if globals is None:
        globals = sys.modules["__main__"].__dict__
    if locals is None:
        locals = globals
    filename = filename or "<exec>"
    tree = ast.parse(source, filename, "exec")
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr) and not source.rstrip().endswith(";"):
        last = ast.Expression(tree.body.pop().value)
    exec(compile(tree, filename, "exec"), globals, locals)
    if last is not None:
        return eval(compile(last, filename, "eval"), globals, locals)
    return None
