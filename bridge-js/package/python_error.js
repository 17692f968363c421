// PythonError: a Python exception seen from JavaScript.

/** Python exceptions whose exception object is still held for re-raising. */
const heldExceptions = new WeakMap();

export class PythonError extends Error {
  /**
   * @param {string} type the Python exception class name, e.g. "ValueError"
   * @param {string} message the formatted traceback
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
  const err = new PythonError(type, message);
  if (key >= 0) {
    heldExceptions.set(err, key);
    runtime.finalizer.register(err, key);
  }
  return err;
}

/** The exception key held by a PythonError, or undefined. */
export function exceptionKeyOf(value) {
  return heldExceptions.get(value);
}
