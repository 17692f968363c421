// pybridge: CPython in WebAssembly with a Rust Python<->JavaScript bridge.
//
//   const py = await loadPython();
//   py.runPython("class Foo:\n  def __init__(self, v): self.val = v\nfoo = Foo(42)");
//   py.pyimport("__main__").foo.val   // 42

import { loadPackage, loadPackagesFromImports } from "./packages.js";
import { TYPED_PYPROXIES } from "./pyproxy_classes.js";
import { loadNodeModules, mountInto } from "./nodefs.js";

const isNodeHost = typeof process !== "undefined" && process.versions?.node !== undefined;
import { resolveIndexURL, readAsset } from "./assets.js";
import { createWasi } from "./wasi.js";
import { makeHooks } from "./hooks.js";
import { PythonError } from "./python_error.js";
import { PyProxy, pyKeyOf } from "./pyproxy.js";
import { Memory } from "./memory.js";
import { StackOverflowGuard } from "./stack.js";
import { SCRATCH } from "./flags.js";
import { installLoop } from "./loop.js";
import { makeFS, FSError } from "./fs.js";
import { PyBufferView } from "./pybuffer.js";

const VERSION = "0.1.0";

/** A line handler from setStdout/setStderr options. */
function outputHandler(options, fallback, what) {
  if (options === undefined) return { write: fallback, tty: false };
  if (options === null || typeof options !== "object") throw new TypeError(`${what}: options must be an object {batched}, {raw} or {write}`);
  const { batched, raw, write, isatty = false } = options;
  const given = [batched, raw, write].filter((f) => f !== undefined);
  if (given.length !== 1 || typeof given[0] !== "function") {
    throw new TypeError(`${what}: give exactly one of batched, raw or write, a function`);
  }
  // As in Pyodide: a batched handler gets lines, which a terminal would not.
  if (isatty && batched) throw new TypeError(`${what}: isatty: true needs raw or write, not batched`);
  if (batched) return { write: (line) => batched(line), tty: false };
  const enc = new TextEncoder();
  if (raw) return { write: (line) => { for (const b of enc.encode(line + "\n")) raw(b); }, tty: !!isatty };
  return { write: (line) => { write(enc.encode(line + "\n")); }, tty: !!isatty };
}

export { PythonError, PyProxy };
export { FSError } from "./fs.js";
export * from "./pyproxy_classes.js";

/**
 * Pyodide's loader name, for programs that port by changing the import:
 * `loadPyodide(options)` is `loadPython(options)`. Pyodide options we do not
 * support are a TypeError naming them.
 */
export async function loadPyodide(options = {}) {
  if (options === null || typeof options !== "object") throw new TypeError("loadPyodide: options must be an object");
  const supported = new Set(["indexURL", "stdout", "stderr", "env", "maxCrossingDepth", "traceDestroy", "onProgress", "fullStdLib", "checkAPIVersion"]);
  const unsupported = Object.keys(options).filter((k) => !supported.has(k));
  if (unsupported.length) throw new TypeError(`loadPyodide: options not supported here: ${unsupported.join(", ")}`);
  const { checkAPIVersion, ...ours } = options;
  return loadPython(ours);
}

let loads = 0;

/** The `_bridge` functions PyProxy members call (see pyproxy_members.js). */
const HELPERS = [
  "proxy_len",
  "unpack_archive",
  "run_async_with",
  "proxy_get",
  "proxy_set",
  "proxy_delete",
  "proxy_has",
  "proxy_iter",
  "proxy_delattr",
  "proxy_dir",
  "proxy_dict_has",
  "proxy_dict_item",
  "proxy_gen_throw",
  "proxy_gen_return",
  "proxy_await",
  "proxy_aiter",
  "proxy_anext",
  "proxy_call_with",
  "proxy_to_js",
  "to_py_from_js",
  "register_js_module",
  "unregister_js_module",
  "fs_op",
  "run_with",
];

/** Attribute names interned per runtime (bridge-py/src/names.rs CAPACITY). */
const NAME_CAPACITY = 4096;

/**
 * One runtime: its wasm instance, and every table that maps its JS objects to
 * keys (nothing of that is module-level, so two runtimes in one page never
 * resolve each other's proxies).
 */
class PythonRuntime {
  constructor(glue, memory) {
    this.glue = glue;
    this.mem = new Memory(memory);
    this.stack = new StackOverflowGuard();
    /** PyProxy (and its target) -> its state {key, flags, destroyed}. */
    this.proxies = new WeakMap();
    /** PythonError -> the table key of the Python exception it holds. */
    this.heldExceptions = new WeakMap();
    /** What create_proxy made (a PyProxy, or a function wrapping one) -> {p, roundtrip}. */
    this.doubleProxies = new WeakMap();
    this.proxyHandler = undefined;
    /** Attribute name -> its interned id in Python (bridge-py/src/names.rs). */
    this.nameIds = new Map();
    this.crossing = undefined; // set by makeHooks
    this.finalizer = new FinalizationRegistry((key) => {
      try {
        glue.py_release(key);
      } catch {
        // The entry was destroyed explicitly first; nothing left to release.
      }
    });
    this._globals = undefined;
  }

  /**
   * Run Python source in `__main__`. Returns the value of the last expression
   * (converted: int → number or BigInt, float → number, str → string,
   * bool → boolean, None → undefined, anything else → PyProxy).
   * Throws PythonError.
   */
  runPython(code, options) {
    if (typeof code !== "string") {
      throw new TypeError(`runPython: code must be a string, got ${code === null ? "null" : typeof code}`);
    }
    this.stack.check();
    if (options === undefined) return this.glue.run_python(code);
    checkRunOptions(options, "runPython");
    return this.helper("run_with")(code, options.globals, options.locals, options.filename);
  }

  /**
   * Where Python's stdout lines go from now on: `{batched: (line) => …}`
   * (each line, without its newline), `{raw: (charCode) => …}`, or
   * `{write: (bytes) => n}`; no argument restores the default.
   */
  setStdout(options) {
    const h = outputHandler(options, this.io.defaultStdout, "setStdout");
    this.io.stdout = h.write;
    this.io.tty.stdout = h.tty;
  }

  /**
   * Where Python's stdin comes from: `{stdin: () => string | bytes | null}`
   * (called when Python needs input; null or undefined is end of file),
   * `{read: (buffer) => n}` (fill `buffer`, return the count; 0 is end of
   * file), or `{error: true}` (reads fail with an OSError); no argument:
   * end of file, the default.
   */
  setStdin(options) {
    this.io.tty.stdin = false;
    if (options === undefined) {
      this.io.stdin = () => null;
      return;
    }
    if (options === null || typeof options !== "object") throw new TypeError("setStdin: options must be an object {stdin}, {read} or {error}");
    const { stdin, read, error, isatty = false } = options;
    this.io.tty.stdin = !!isatty && !error;
    if (error) {
      this.io.stdin = () => {
        throw new Error("stdin is an error");
      };
    } else if (typeof stdin === "function") {
      this.io.stdin = () => stdin();
    } else if (typeof read === "function") {
      this.io.stdin = (size) => {
        const buf = new Uint8Array(size);
        const n = read(buf);
        return n > 0 ? buf.subarray(0, n) : null;
      };
    } else {
      throw new TypeError("setStdin: give one of stdin or read (a function), or error: true");
    }
  }

  /**
   * As in Pyodide: Python polls `buffer[0]` while it runs (every 50
   * evaluation-loop checks) and, when it is non-zero, clears it and delivers
   * that signal: write 2 (SIGINT) to raise `KeyboardInterrupt`. Meant for an
   * `Int32Array` over a SharedArrayBuffer written by another thread, but any
   * integer typed array works (a JS callback can write it, too).
   * `setInterruptBuffer(undefined)` stops polling.
   */
  setInterruptBuffer(buffer) {
    if (buffer === undefined || buffer === null) {
      this.interruptBuffer = undefined;
      this.glue.set_interrupt_polling(false);
      return;
    }
    if (!ArrayBuffer.isView(buffer) || buffer instanceof DataView || buffer instanceof Float32Array || buffer instanceof Float64Array || typeof buffer[0] === "bigint") {
      throw new TypeError(`setInterruptBuffer: expected an integer typed array (e.g. new Int32Array(new SharedArrayBuffer(4))), got ${describeValue(buffer)}`);
    }
    if (buffer.length < 1) throw new TypeError("setInterruptBuffer: the buffer is empty: it needs one element, the signal number");
    this.interruptBuffer = buffer;
    this.glue.set_interrupt_polling(true);
  }

  /**
   * As in Pyodide: if the interrupt buffer holds a signal, clear it and
   * deliver it now, so that JS code running for Python can be interrupted
   * (SIGINT throws the `KeyboardInterrupt` as a PythonError).
   */
  checkInterrupt() {
    const b = this.interruptBuffer;
    if (b === undefined || b[0] === 0) return;
    const signum = b[0];
    b[0] = 0;
    this.glue.py_check_interrupt(signum);
  }

  /**
   * As in Pyodide: unpack `buffer` (an ArrayBuffer or typed array) as a
   * "zip", "tar", "gztar" (also "whl", "tgz", "tar.gz"…) archive into
   * `{extractDir}` (default: the current directory). Members that would land
   * outside it are refused (tar's "data" filter; zip names are sanitized).
   */
  unpackArchive(buffer, format, options = {}) {
    let bytes = buffer;
    if (buffer instanceof ArrayBuffer) bytes = new Uint8Array(buffer);
    else if (ArrayBuffer.isView(buffer)) bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    else throw new TypeError(`unpackArchive: the buffer must be an ArrayBuffer or a typed array, got ${describeValue(buffer)}`);
    if (options === null || typeof options !== "object") throw new TypeError("unpackArchive: options must be an object {extractDir}");
    const { extractDir } = options;
    if (extractDir !== undefined && typeof extractDir !== "string") throw new TypeError("unpackArchive: extractDir must be a string");
    this.helper("unpack_archive")(bytes, format, extractDir ?? null);
  }

  /**
   * As in Pyodide (Node only): the host directory `hostPath` appears at
   * `guestPath` (made if missing); Python's file operations under it go to
   * the host. Renames across the mount's edge fail with EXDEV (shutil.move
   * copies instead).
   */
  mountNodeFS(guestPath, hostPath) {
    if (!isNodeHost) throw new Error("mountNodeFS needs Node: in a browser the file system is in memory only (see docs/porting-from-pyodide.md)");
    if (typeof guestPath !== "string" || typeof hostPath !== "string") throw new TypeError("mountNodeFS(guestPath, hostPath): both paths must be strings");
    mountInto(this.wasiRoot, guestPath, hostPath);
  }

  /** Install pure-Python wheels (URLs or paths): see packages.js. */
  loadPackage(names, options) {
    return loadPackage(this, names, options);
  }

  /** As in Pyodide, with no package index: see packages.js. */
  loadPackagesFromImports(code, options) {
    return loadPackagesFromImports(this, code, options);
  }

  /** As setStdout, for stderr. */
  setStderr(options) {
    const h = outputHandler(options, this.io.defaultStderr, "setStderr");
    this.io.stderr = h.write;
    this.io.tty.stderr = h.tty;
  }

  /** The interpreter's file system (the part of Emscripten's FS Pyodide users call). */
  get FS() {
    this._fs ??= makeFS(this);
    return this._fs;
  }

  /** The package version. */
  get version() {
    return VERSION;
  }

  /** PyProxy, PythonError and the FS error class, as Pyodide's `pyodide.ffi`. */
  /** Pyodide's `pyodide.ffi`: PyProxy and its typed classes (instanceof tests), PythonError, FSError. */
  get ffi() {
    return { PyProxy, ...TYPED_PYPROXIES, PyBufferView, PythonError, FSError };
  }

  /**
   * Like runPython, with top-level `await` allowed: the code runs as a Task on
   * the asyncio event loop, which runs on this JS event loop (asyncio.sleep,
   * gather, Queue… work; awaiting a JS promise gives its value, a rejection
   * raises JsException at the `await`). Resolves to the value of the last
   * expression; rejects with PythonError.
   */
  async runPythonAsync(code, options) {
    if (typeof code !== "string") {
      throw new TypeError(`runPythonAsync: code must be a string, got ${code === null ? "null" : typeof code}`);
    }
    if (options === undefined) return this.glue.run_python_async(code);
    checkRunOptions(options, "runPythonAsync");
    return this.helper("run_async_with")(code, options.globals, options.locals, options.filename);
  }

  /** The `_bridge` helper `name` (a PyProxy of a Python function), made at start-up. */
  helper(name) {
    const f = this.helpers.get(name);
    if (f === undefined) throw new Error(`pybridge: no Python helper ${name}`);
    return f;
  }

  /** Fetch the helpers PyProxy members call, once, before user code runs. */
  loadHelpers() {
    const module = this.glue.pyimport("_bridge");
    this.helpers = new Map(HELPERS.map((name) => [name, module[name]]));
    module.destroy();
  }

  /** `obj[key]` of the Python object at `table key`, undefined when missing (one crossing). */
  pyGetItem(key, item) {
    this.crossing.argOut(0, item, 0);
    return this.crossing.result(this.glue.py_getitem_fast(key, item));
  }

  /** `it.next(...value)` on the Python iterator at `key` (one crossing); `done` is left in the scratch area. */
  pyNext(key, value) {
    if (value.length === 0) return this.crossing.result(this.glue.py_next_fast(key, 0, undefined));
    this.crossing.argOut(0, value[0], 0);
    return this.crossing.result(this.glue.py_next_fast(key, 1, value[0]));
  }

  /**
   * `py.toPy(value, {depth, defaultConverter})` (Pyodide's `toPy`): a JS value
   * converted deeply to Python (Array → list, Object and Map → dict, Set →
   * set), returned as a PyProxy of the result (primitives as themselves).
   */
  toPy(value, options = {}) {
    if (options === null || typeof options !== "object") {
      throw new TypeError(`toPy: options must be an object, got ${options === null ? "null" : typeof options}`);
    }
    const { depth = -1, defaultConverter } = options;
    if (!Number.isInteger(depth)) throw new TypeError(`toPy: depth must be an integer, got ${String(depth)}`);
    return this.helper("to_py_from_js")(value, depth, defaultConverter);
  }

  /**
   * Make the JS object `module` importable from Python as `name` (Pyodide's
   * `registerJsModule`): `import name`, `from name import f`, and
   * `import name.sub` for an object property `sub`.
   */
  registerJsModule(name, module) {
    if (typeof name !== "string" || name === "") throw new TypeError(`registerJsModule: name must be a non-empty string, got ${JSON.stringify(name) ?? typeof name}`);
    if (module === null || (typeof module !== "object" && typeof module !== "function")) {
      throw new TypeError(`registerJsModule: the module must be an object, got ${module === null ? "null" : typeof module}`);
    }
    this.helper("register_js_module")(name, module);
  }

  /** Undo registerJsModule (a module already imported stays in sys.modules). */
  unregisterJsModule(name) {
    this.helper("unregister_js_module")(name);
  }

  /** Import a Python module and return it as a PyProxy. */
  pyimport(name) {
    if (typeof name !== "string" || name === "") {
      throw new TypeError(`pyimport: name must be a non-empty string, got ${JSON.stringify(name) ?? typeof name}`);
    }
    return this.glue.pyimport(name);
  }

  /** `__main__`'s namespace (a dict) as a PyProxy: `py.globals.get("foo")`. */
  get globals() {
    if (this._globals === undefined) this._globals = this.glue.globals();
    return this._globals;
  }

  /** The interned id of an attribute name, or -1 once the table is full. */
  nameId(name) {
    let id = this.nameIds.get(name);
    if (id !== undefined) return id;
    if (this.nameIds.size >= NAME_CAPACITY) return -1;
    id = this.glue.py_intern(name);
    this.nameIds.set(name, id);
    return id;
  }

  /** `proxy[name]` for the PyProxy with table key `key`: one crossing. */
  pyGet(key, name) {
    const id = this.nameId(name);
    if (id < 0) return this.glue.py_get(key, name);
    return this.crossing.result(this.glue.py_get_fast(key, id));
  }

  pySet(key, name, value) {
    const id = this.nameId(name);
    if (id < 0) return this.glue.py_set(key, name, value);
    this.crossing.argOut(0, value, 0);
    this.crossing.result(this.glue.py_set_fast(key, id, value));
  }

  /** `proxy(...args)`: one crossing for up to three arguments. */
  pyCall(key, args) {
    const n = args.length;
    if (n > SCRATCH.maxArgs) return this.glue.py_call(key, args);
    const c = this.crossing;
    let off = 0;
    for (let i = 0; i < n; i++) off += c.argOut(i, args[i], off);
    return c.result(this.glue.py_call_fast(key, n, args[0], args[1], args[2]));
  }

  /** The Python-table key a JS value of this runtime stands for, or -1. */
  pythonKeyOf(value) {
    const k = pyKeyOf(this, value);
    if (k >= 0) return k;
    const e = this.heldExceptions.get(value);
    return e === undefined ? -1 : e;
  }

  /** Whether `value` is a PyProxy of this runtime that has been destroyed. */
  isDestroyedProxy(value) {
    return this.proxies.get(value)?.destroyed === true;
  }

  /** The exception key held by a PythonError of this runtime, or undefined. */
  exceptionKeyOf(value) {
    return this.heldExceptions.get(value);
  }

  /** How deeply JS and Python calls are nested right now, and the limit: `{depth, limit}`. */
  crossingDepth() {
    const [depth, limit] = this.glue.crossing_depth();
    return { depth, limit };
  }

  /** Live handles in the two tables: `{js, py}`, for leak checks. */
  liveHandles() {
    const [js, py] = this.glue.live_handles();
    return { js, py };
  }

  get PythonError() {
    return PythonError;
  }

  /** Whether `value` is a PyProxy (of any runtime): `value instanceof PyProxy`. */
  isPyProxy(value) {
    return value instanceof PyProxy;
  }

  get PyProxy() {
    return PyProxy;
  }
}

/** runPython / runPythonAsync options: only globals, locals, filename. */
function checkRunOptions(options, what) {
  if (options === null || typeof options !== "object") throw new TypeError(`${what}: options must be an object {globals, locals, filename}`);
  for (const k of Object.keys(options)) {
    if (!["globals", "locals", "filename"].includes(k)) throw new TypeError(`${what}: unknown option ${JSON.stringify(k)} (globals, locals, filename)`);
  }
}

/** A short description of a value for an error message. */
function describeValue(v) {
  if (v === null) return "null";
  if (typeof v !== "object" && typeof v !== "function") return `${typeof v} ${String(v)}`;
  return v.constructor?.name ?? "an object";
}

/**
 * Load the interpreter. Each call makes an independent runtime with its own
 * wasm instance and memory.
 *
 * @param {object} [options]
 * @param {string|URL} [options.indexURL] folder holding bridge_js.js, bridge_js_bg.wasm and
 *   python313.zip (default: `dist/` beside this file)
 * @param {(text: string) => void} [options.stdout] receives Python's stdout, line by line
 * @param {(text: string) => void} [options.stderr] receives Python's stderr, line by line
 * @param {Record<string, string>} [options.env] extra environment variables
 * @param {boolean} [options.traceDestroy] record where each PyProxy is destroyed, for the
 *   error a later use raises (costs a stack capture per destroy(); default false)
 * @param {number} [options.maxCrossingDepth] how deeply JS and Python calls may nest
 *   before Python gets RecursionError (default 1000 crossings; see docs/lifetimes.md)
 * @param {(p: {what: string, loaded: number, total: number | undefined}) => void} [options.onProgress]
 *   hears of the wasm module's and the stdlib's bytes as they download (`what` is the
 *   file name; the last call for each file has `loaded === total`)
 * @param {boolean} [options.fullStdLib] also load the optional stdlib archive
 *   python313-extra.zip (0.5 MB gzipped): the time zone database for `zoneinfo`
 *   (PyPI's tzdata), `pydoc_data` (help() topics), `_pydecimal`/`_pyio`/`_pydatetime`
 *   (pure-Python twins of built-in C modules) and `turtle`. Default false.
 */
export async function loadPython(options = {}) {
  if (options === null || typeof options !== "object") {
    throw new TypeError(`loadPython: options must be an object, got ${options === null ? "null" : typeof options}`);
  }
  const indexURL = await resolveIndexURL(options.indexURL);
  const io = { tty: { stdin: false, stdout: false, stderr: false } };
  io.defaultStdout = options.stdout ?? ((text) => console.log(text));
  io.defaultStderr = options.stderr ?? ((text) => console.error(text));
  io.stdout = io.defaultStdout;
  io.stderr = io.defaultStderr;
  const stdout = (text) => io.stdout(text);
  const stderr = (text) => io.stderr(text);
  io.stdin = () => null; // end of file until setStdin
  const stdin = (size) => io.stdin(size);
  const { onProgress } = options;
  if (onProgress !== undefined && typeof onProgress !== "function") {
    throw new TypeError(`loadPython: onProgress must be a function, got ${onProgress === null ? "null" : typeof onProgress}`);
  }
  const { fullStdLib = false } = options;
  if (typeof fullStdLib !== "boolean") {
    throw new TypeError(`loadPython: fullStdLib must be a boolean, got ${fullStdLib === null ? "null" : typeof fullStdLib}`);
  }
  const [wasm, stdlib, stdlibExtra] = await Promise.all([
    readAsset(indexURL, "bridge_js_bg.wasm", onProgress),
    readAsset(indexURL, "python313.zip", onProgress),
    fullStdLib ? readAsset(indexURL, "python313-extra.zip", onProgress) : null,
  ]);
  // A fresh module instance of the wasm-bindgen glue per runtime: the glue
  // keeps its wasm instance in module-level state.
  const glueURL = new URL(`bridge_js.js?instance=${++loads}`, indexURL);
  let glue;
  try {
    glue = await import(glueURL.href);
  } catch (e) {
    const where = new URL("bridge_js.js", indexURL).href;
    throw new Error(`loadPython: cannot load the JS glue bridge_js.js from ${where}: ${e.message}`);
  }
  if (isNodeHost) await loadNodeModules();
  const wasi = createWasi({ stdlib, stdlibExtra, stdout, stderr, stdin, env: options.env, tty: io.tty });
  glue.__bridge_set_wasi(wasi.wasiImport);
  const exports = await glue.default({ module_or_path: wasm });
  wasi.initialize({ exports }); // runs C constructors (_initialize)
  const runtime = new PythonRuntime(glue, exports.memory);
  runtime.io = io;
  runtime.wasiRoot = wasi.rootDir;
  glue.init(makeHooks(runtime));
  runtime.loadHelpers();
  installLoop(runtime, glue.pyimport("_bridge"));
  runtime.traceDestroy = Boolean(options.traceDestroy);
  if (options.maxCrossingDepth !== undefined) {
    const n = options.maxCrossingDepth;
    if (!Number.isInteger(n) || n < 1 || n > 100_000) {
      throw new RangeError(`loadPython: maxCrossingDepth must be an integer from 1 to 100000, got ${String(n)}`);
    }
    glue.set_crossing_limit(n);
  }
  return runtime;
}
