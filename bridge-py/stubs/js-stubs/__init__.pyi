# Type stubs for pybridge's `js` module: JavaScript's globals, reached by name
# (`from js import document`), plus the bridge's own names.
from typing import Any

from pyodide.ffi import (
    ConversionError as ConversionError,
    JsArray as JsArray,
    JsAsyncGenerator as JsAsyncGenerator,
    JsAsyncIterable as JsAsyncIterable,
    JsAsyncIterator as JsAsyncIterator,
    JsBuffer as JsBuffer,
    JsCallable as JsCallable,
    JsDomElement as JsDomElement,
    JsDoubleProxy as JsDoubleProxy,
    JsException as JsException,
    JsGenerator as JsGenerator,
    JsIterable as JsIterable,
    JsIterator as JsIterator,
    JsMap as JsMap,
    JsMutableMap as JsMutableMap,
    JsNull as JsNull,
    JsPromise as JsPromise,
    JsProxy as JsProxy,
    JsSet as JsSet,
    JsTypedArray as JsTypedArray,
    create_once_callable as create_once_callable,
    create_proxy as create_proxy,
    destroy_proxies as destroy_proxies,
    jsnull as jsnull,
    to_js as to_js,
)

Object: JsCallable
Array: JsCallable
Promise: JsCallable
Math: JsProxy
JSON: JsProxy
console: JsProxy
globalThis: JsProxy
document: JsDomElement
window: JsProxy

def fetch(resource: Any, options: Any = ..., /) -> JsPromise[JsProxy]: ...
def setTimeout(callback: Any, delay: int = 0, /, *args: Any) -> int: ...
def clearTimeout(id: int, /) -> None: ...
def __getattr__(name: str) -> Any: ...
