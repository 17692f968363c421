// PythonError: a Python exception seen from JavaScript.

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
 * Python the original exception is raised again. The key is recorded in the
 * runtime's own map: another runtime sees an ordinary JS error.
 */
export function makePythonError(runtime, type, message, key) {
  const err = new PythonError(type, message ?? undefined);
  if (key >= 0) {
    runtime.heldExceptions.set(err, key);
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
