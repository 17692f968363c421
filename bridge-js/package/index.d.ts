// Type declarations for pybridge.

/** A Python exception seen from JavaScript. */
export declare class PythonError extends Error {
  /** The Python exception class name, e.g. "ValueError". */
  readonly type: string;
  readonly name: "PythonError";
  /** The formatted Python traceback, ending with "ValueError: message". */
  readonly message: string;
}

/**
 * A Python object seen from JavaScript. Attribute get/set/delete and `in`
 * reach Python; which other members a proxy has depends on its Python type
 * (the interfaces below). A few members are the proxy's own rather than
 * Python attributes; `proxy.$name` always reaches the Python attribute
 * `name` (e.g. `proxy.$type` for a Python attribute `type`).
 */
export interface PyProxy {
  /** The Python class name, e.g. "Foo". */
  readonly type: string;
  /** Python `str(obj)`. */
  toString(): string;
  /** Python `repr(obj)`. */
  repr(): string;
  /** Convert deeply to JS (`pyodide.ffi.to_js`): list → Array, dict → Object, set → Set… */
  toJs(options?: ToJsOptions): any;
  /** Another proxy of the same object, with its own reference. */
  copy(): this;
  /**
   * Release the Python object now; later use throws (with `message` if
   * given, else naming the type and where it was destroyed). A second call
   * does nothing.
   */
  destroy(options?: { message?: string }): void;
  /** `destroy()`, for `using`. */
  [Symbol.dispose](): void;
  [attr: string]: any;
}

export interface ToJsOptions {
  /** Containers deeper than this stay PyProxies (default -1: no limit). */
  depth?: number;
  /** Every PyProxy made is pushed here (destroy them with `destroy_proxies`). */
  pyproxies?: PyProxy[];
  /** false: an object with no rule is a ConversionError instead of a PyProxy. */
  create_pyproxies?: boolean;
  /** Turns a dict's `[key, value]` entries into its JS value (e.g. `Object.fromEntries`, `(e) => new Map(e)`). */
  dict_converter?: (entries: [any, any][]) => any;
  /** Called for objects with no rule: `(value, convert, cacheConversion) => jsValue`. */
  default_converter?: (value: PyProxy, convert: (v: any) => any, cacheConversion: (a: any, b: any) => void) => any;
}

export interface PyProxyWithLength extends PyProxy {
  /** Python `len(obj)`. */
  readonly length: number;
}
export interface PyProxyWithGet extends PyProxy {
  /** `obj[key]`, or undefined when missing (KeyError / IndexError). */
  get(key: any): any;
}
export interface PyProxyWithSet extends PyProxy {
  /** `obj[key] = value`. */
  set(key: any, value: any): void;
  /** `del obj[key]`. */
  delete(key: any): void;
}
export interface PyProxyWithHas extends PyProxy {
  /** `key in obj`. */
  has(key: any): boolean;
}
export interface PyIterable extends PyProxy {
  [Symbol.iterator](): Iterator<any>;
}
export interface PyAsyncIterable extends PyProxy {
  [Symbol.asyncIterator](): AsyncIterator<any>;
}
export interface PyIterator extends PyProxy {
  next(value?: any): IteratorResult<any, any>;
  [Symbol.iterator](): this;
}
export interface PyGenerator extends PyIterator {
  /** Close the generator (its `finally` blocks run): `{done: true, value}`. */
  return(value?: any): IteratorResult<any, any>;
  /** Throw into the generator: what it yields next, or `{done: true, value}`. */
  throw(err: any): IteratorResult<any, any>;
}
export interface PyAsyncIterator extends PyProxy {
  next(value?: any): Promise<IteratorResult<any, any>>;
}
export interface PyAsyncGenerator extends PyAsyncIterator {
  return(value?: any): Promise<IteratorResult<any, any>>;
  throw(err: any): Promise<IteratorResult<any, any>>;
}
export interface PyAwaitable extends PyProxy, PromiseLike<any> {
  then<A = any, B = never>(onFulfilled?: (v: any) => A | PromiseLike<A>, onRejected?: (e: any) => B | PromiseLike<B>): Promise<A | B>;
  catch<B = never>(onRejected?: (e: any) => B | PromiseLike<B>): Promise<any>;
  finally(onFinally?: () => void): Promise<any>;
}
export interface PyCallable extends PyProxy {
  (...args: any[]): any;
  /** Call with keyword arguments: the last argument is an object of them. */
  callKwargs(...argsThenKwargs: any[]): any;
}
export interface PyDict extends PyProxyWithLength, PyProxyWithGet, PyProxyWithSet, PyProxyWithHas, PyIterable {}
export interface PySequence extends PyProxyWithLength, PyProxyWithGet, PyProxyWithHas, PyIterable {}
export interface PyMutableSequence extends PySequence, PyProxyWithSet {}

/** A zero-copy view of a Python buffer (`getBuffer()`). */
export interface PyBufferView {
  /** A typed array (or DataView) over the bytes in wasm memory; rebuilt after the memory grows (read it again). */
  readonly data: ArrayBufferView;
  /** The index of the first item in `data` (non-zero for negative strides). */
  readonly offset: number;
  readonly shape: number[];
  /** In items. */
  readonly strides: number[];
  readonly ndim: number;
  readonly nbytes: number;
  readonly format: string;
  readonly itemsize: number;
  /** 1 or 0 (as in Pyodide). */
  readonly readonly: number;
  readonly c_contiguous: number;
  readonly f_contiguous: number;
  /** Give the buffer back to Python; a second call does nothing. */
  release(): void;
  [Symbol.dispose](): void;
}
export interface PyBuffer extends PyProxy {
  /** `type`: "i8", "u8", "u8clamped", "i16", "u16", "i32", "u32", "i64", "u64", "f32", "f64" or "dataview" (default: from the format). */
  getBuffer(type?: string): PyBufferView;
}

export declare const PyProxy: {
  [Symbol.hasInstance](value: unknown): value is PyProxy;
};

/** `x instanceof PyCallable` (and the others): what the Python object can do, from its type's slots. */
export declare const PyProxyWithLength: { [Symbol.hasInstance](x: unknown): x is PyProxyWithLength };
export declare const PyProxyWithGet: { [Symbol.hasInstance](x: unknown): x is PyProxyWithGet };
export declare const PyProxyWithSet: { [Symbol.hasInstance](x: unknown): x is PyProxyWithSet };
export declare const PyProxyWithHas: { [Symbol.hasInstance](x: unknown): x is PyProxyWithHas };
export declare const PyDict: { [Symbol.hasInstance](x: unknown): x is PyDict };
export declare const PyIterable: { [Symbol.hasInstance](x: unknown): x is PyIterable };
export declare const PyAsyncIterable: { [Symbol.hasInstance](x: unknown): x is PyAsyncIterable };
export declare const PyIterator: { [Symbol.hasInstance](x: unknown): x is PyIterator };
export declare const PyAsyncIterator: { [Symbol.hasInstance](x: unknown): x is PyAsyncIterator };
export declare const PyGenerator: { [Symbol.hasInstance](x: unknown): x is PyGenerator };
export declare const PyAsyncGenerator: { [Symbol.hasInstance](x: unknown): x is PyAsyncGenerator };
export declare const PyAwaitable: { [Symbol.hasInstance](x: unknown): x is PyAwaitable };
export declare const PyCallable: { [Symbol.hasInstance](x: unknown): x is PyCallable };
export declare const PyBuffer: { [Symbol.hasInstance](x: unknown): x is PyBuffer };
export declare const PySequence: { [Symbol.hasInstance](x: unknown): x is PySequence };
export declare const PyMutableSequence: { [Symbol.hasInstance](x: unknown): x is PyMutableSequence };

export interface LoadPythonOptions {
  /** Folder holding bridge_js.js, bridge_js_bg.wasm and python313.zip (default: dist/ beside index.js). */
  indexURL?: string | URL;
  /** Receives Python's stdout, one line at a time (default console.log). */
  stdout?: (text: string) => void;
  /** Receives Python's stderr, one line at a time (default console.error). */
  stderr?: (text: string) => void;
  /** Extra environment variables for the interpreter. */
  env?: Record<string, string>;
  /**
   * How deeply JS and Python calls may nest before Python gets RecursionError
   * (JS a RangeError): default 400 nested crossings, 1 to 100000.
   */
  maxCrossingDepth?: number;
  /** Record where each PyProxy is destroyed, for the error a later use raises (a stack capture per destroy()). */
  traceDestroy?: boolean;
  /**
   * Hears of the two downloads (the wasm module and the stdlib zip) as their
   * bytes arrive, for a progress bar: `what` is the file name, `total` its
   * Content-Length (undefined when unknown or compressed). The last call for
   * each file has `loaded === total`; a local file (Node) is a single call.
   */
  onProgress?: (progress: LoadProgress) => void;
  /**
   * Also load the optional stdlib archive python313-extra.zip (0.5 MB gzipped):
   * the time zone database for `zoneinfo` (PyPI's tzdata), `pydoc_data`
   * (help() topics), `_pydecimal`/`_pyio`/`_pydatetime` and `turtle`. Without it,
   * importing one of those is a ModuleNotFoundError that says so. Default false.
   */
  fullStdLib?: boolean;
}

export interface LoadProgress {
  /** "bridge_js_bg.wasm" or "python313.zip". */
  what: string;
  /** Bytes received so far. */
  loaded: number;
  total: number | undefined;
}

/** An error of `py.FS`: `code` is the errno name ("ENOENT"), `errno` its number. */
export declare class FSError extends Error {
  readonly code: string;
  readonly errno: number;
}

/** The part of Emscripten's FS that Pyodide users call, over the interpreter's file system. */
export interface FileSystem {
  writeFile(path: string, data: string | ArrayBuffer | ArrayBufferView, options?: { encoding?: "utf8" | "binary" }): void;
  readFile(path: string, options: { encoding: "utf8" }): string;
  readFile(path: string, options?: { encoding?: "binary" }): Uint8Array;
  mkdir(path: string): void;
  mkdirTree(path: string): void;
  readdir(path: string): string[];
  stat(path: string): { mode: number; size: number; mtime: Date; atime: Date; ctime: Date; isFile: boolean; isDirectory: boolean };
  isDir(mode: number): boolean;
  isFile(mode: number): boolean;
  unlink(path: string): void;
  rmdir(path: string): void;
  rename(from: string, to: string): void;
  analyzePath(path: string): { exists: boolean; isRoot: boolean; path: string; name: string; parentPath: string; parentExists: boolean; error: number };
}

export type OutputOptions = { batched: (line: string) => void } | { raw: (charCode: number) => void; isatty?: boolean } | { write: (bytes: Uint8Array) => number | void; isatty?: boolean };

export interface PythonRuntime {
  /**
   * Run Python in `__main__` and return the value of the last expression:
   * int within ±(2^53−1) → number, beyond → bigint; float → number; str → string;
   * bool → boolean; None → undefined; anything else → PyProxy.
   * @throws {PythonError}
   */
  runPython(code: string, options?: { globals?: PyProxy; locals?: PyProxy; filename?: string }): any;
  /** Where Python's stdout goes from now on; no argument restores the default. */
  setStdout(options?: OutputOptions): void;
  setStderr(options?: OutputOptions): void;
  /** Where Python's stdin comes from; no argument: end of file (the default). */
  setStdin(options?: { stdin: () => string | Uint8Array | null | undefined } | { read: (buffer: Uint8Array) => number } | { error: true }): void;
  /** Python polls `buffer[0]` while running; a non-zero signal number is cleared and delivered (2, SIGINT: KeyboardInterrupt). `undefined` stops polling. */
  setInterruptBuffer(buffer?: Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Uint8ClampedArray): void;
  /** Deliver a pending signal from the interrupt buffer now (throws the KeyboardInterrupt as a PythonError). */
  checkInterrupt(): void;
  /** The interpreter's file system. */
  readonly FS: FileSystem;
  readonly version: string;
  /** PyProxy and its typed classes (instanceof tests on what the object can do), PyBufferView, PythonError, FSError. */
  readonly ffi: {
    PyProxy: typeof PyProxy;
    PythonError: typeof PythonError;
    FSError: typeof FSError;
    PyBufferView: Function;
    PyProxyWithLength: Function;
    PyProxyWithGet: Function;
    PyProxyWithSet: Function;
    PyProxyWithHas: Function;
    PyDict: Function;
    PyIterable: Function;
    PyAsyncIterable: Function;
    PyIterator: Function;
    PyAsyncIterator: Function;
    PyGenerator: Function;
    PyAsyncGenerator: Function;
    PyAwaitable: Function;
    PyCallable: Function;
    PyBuffer: Function;
    PySequence: Function;
    PyMutableSequence: Function;
  };
  /** Unpack an archive ("zip", "tar", "gztar"…) into `extractDir`. */
  unpackArchive(buffer: ArrayBuffer | ArrayBufferView, format: string, options?: { extractDir?: string }): void;
  /** Node only: the host directory at `guestPath`. */
  mountNodeFS(guestPath: string, hostPath: string): void;
  /** Install pure-Python wheels from URLs or paths. */
  loadPackage(names: string | string[], options?: { messageCallback?: (msg: string) => void; errorCallback?: (msg: string) => void; deps?: boolean; checkIntegrity?: boolean }): Promise<Array<{ name: string; version: string; fileName: string; packageType: string }>>;
  /** With no package index: reports imports that are not importable; loads nothing. */
  loadPackagesFromImports(code: string, options?: { messageCallback?: (msg: string) => void }): Promise<[]>;
  /**
   * Like runPython, with top-level `await`: the code runs as a Task on the
   * asyncio event loop, which runs on the JS event loop (asyncio.sleep,
   * gather, Queue… work); awaiting a JS promise gives its value, a rejection
   * raises JsException at the `await`. Rejects with PythonError.
   */
  runPythonAsync(code: string, options?: { globals?: PyProxy; locals?: PyProxy; filename?: string }): Promise<any>;
  /** Convert a JS value deeply to Python (Array → list, Object/Map → dict, Set → set); a PyProxy of the result. */
  toPy(value: any, options?: { depth?: number; defaultConverter?: (value: any, convert: (v: any) => any, cache: (a: any, b: any) => void) => any }): any;
  /** Make a JS object importable from Python as `name` (`import name`, `from name import f`, `import name.sub`). */
  registerJsModule(name: string, module: object): void;
  /** Undo registerJsModule; a module already imported stays in sys.modules. */
  unregisterJsModule(name: string): void;
  /** Import a Python module. @throws {PythonError} */
  pyimport(name: string): PyProxy;
  /** `__main__`'s namespace (a dict). */
  readonly globals: PyProxy;
  /** Live handles in the bridge's two tables (JS values held by Python, Python objects held by JS). */
  liveHandles(): { js: number; py: number };
  /** How deeply JS and Python calls are nested right now, and the limit. */
  crossingDepth(): { depth: number; limit: number };
  readonly PythonError: typeof PythonError;
  readonly PyProxy: typeof PyProxy;
  /** `value instanceof PyProxy` (Pyodide's old `pyodide.isPyProxy`). */
  isPyProxy(value: unknown): value is PyProxy;
}

/** Load the interpreter; each call makes an independent runtime. */
export declare function loadPython(options?: LoadPythonOptions): Promise<PythonRuntime>;
/** Pyodide's loader name: `loadPython`; unsupported Pyodide options are a TypeError naming them. */
export declare function loadPyodide(options?: LoadPythonOptions & { checkAPIVersion?: boolean }): Promise<PythonRuntime>;
