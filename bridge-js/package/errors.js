// How a thrown JS value is described to Python (bridge-js/src/host/mod.rs,
// `thrown`). This must never throw: the value may be a Proxy whose traps
// throw, an Error whose `name` getter throws, an object whose toString throws.

function safeString(f, fallback) {
  try {
    const v = f();
    return typeof v === "string" ? v : String(v);
  } catch {
    return fallback;
  }
}

/** `[name, message]` of a thrown value. */
export function errorInfo(runtime, thrown) {
  try {
    // A PythonError going back into Python is re-raised as its original
    // exception: its (lazily formatted) message is not needed.
    if (runtime.exceptionKeyOf(thrown) !== undefined) return ["PythonError", ""];
    let isError = false;
    try {
      isError = thrown instanceof Error;
    } catch {
      isError = false;
    }
    if (isError) {
      const name = safeString(() => thrown.name, "Error");
      const message = safeString(() => thrown.message, "(reading the error's message threw)");
      return [name, message];
    }
    const text = safeString(
      () => String(thrown),
      safeString(() => Object.prototype.toString.call(thrown), "(an unprintable value)"),
    );
    return ["Error", `a non-Error value was thrown: ${text}`];
  } catch {
    return ["Error", "(describing the thrown value threw)"];
  }
}
