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
 * reach Python; callable objects can be called. A few members are the
 * proxy's own rather than Python attributes; `proxy.$name` always reaches the
 * Python attribute `name` (e.g. `proxy.$type` for a Python attribute `type`).
 */
export interface PyProxy {
  /** The Python class name, e.g. "Foo". */
  readonly type: string;
  /** Python `str(obj)`. */
  toString(): string;
  /** Python `repr(obj)`. */
  repr(): string;
  /** Release the Python object now; later use throws. A second call does nothing. */
  destroy(): void;
  [attr: string]: any;
}

export interface PyCallable extends PyProxy {
  (...args: any[]): any;
}

export declare const PyProxy: {
  [Symbol.hasInstance](value: unknown): value is PyProxy;
};

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
}

export interface PythonRuntime {
  /**
   * Run Python in `__main__` and return the value of the last expression:
   * int within ±(2^53−1) → number, beyond → bigint; float → number; str → string;
   * bool → boolean; None → undefined; anything else → PyProxy.
   * @throws {PythonError}
   */
  runPython(code: string): any;
  /**
   * Like runPython, with top-level `await`: awaiting a JS promise gives its
   * value; a rejection raises JsException at the `await`. asyncio primitives
   * are not supported yet (no event loop). Rejects with PythonError.
   */
  runPythonAsync(code: string): Promise<any>;
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
}

/** Load the interpreter; each call makes an independent runtime. */
export declare function loadPython(options?: LoadPythonOptions): Promise<PythonRuntime>;
