// PythonError: a Python exception seen from JavaScript.

/** Python exceptions whose exception object is still held for re-raising. */
const heldExceptions = new WeakMap();

export class PythonError extends Error {
  /**
   * @param {string} type the Python exception class name, e.g. "ValueError"
   * @param {string} [message] the formatted traceback (made lazily by makePythonError)
   */
  constructor(type, message) {
    super(message);
    this.type = type;
  }

  get name() {
    return "PythonError";
  }
}

/**
 * A PythonError that keeps the Python exception object alive (table key `key`)
 * until the error is garbage-collected, so that if JS throws it back into
 * Python the original exception is raised again.
 */
export function makePythonError(runtime, type, message, key) {
  const err = new PythonError(type, message ?? undefined);
  if (key >= 0) {
    heldExceptions.set(err, key);
    runtime.finalizer.register(err, key);
  }
  if (message == null && key >= 0) {
    // Formatted on first read: an exception passing back out through d nested
    // JS/Python calls makes d PythonErrors, and formatting each traceback
    // eagerly cost O(d^2). V8 builds `stack` lazily too, so it shows the text.
    Object.defineProperty(err, "message", {
      configurable: true,
      enumerable: false,
      get() {
        let text;
        try {
          text = runtime.glue.py_format_exception(key);
        } catch (e) {
          text = `${type}: (traceback unavailable: ${e?.message ?? e})`;
        }
        Object.defineProperty(err, "message", { value: text, writable: true, configurable: true, enumerable: false });
        return text;
      },
    });
  }
  return err;
}

/** The exception key held by a PythonError, or undefined. */
export function exceptionKeyOf(value) {
  return heldExceptions.get(value);
}
