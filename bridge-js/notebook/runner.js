// Running `%% py` and `%% js` cells, one at a time, on one runtime.
//
// Python cells go to runPythonAsync (top-level await); their value is the
// last expression's, None shows nothing. JS cells run as async functions
// (jscell.js) with `pyodide` and `py` (the runtime) and `output` (the cell's
// output element) in scope. Python's stdout and stderr (setStdout/setStderr,
// batched: one call per line) go to the output of the cell running now, or,
// for a line printed later by a task or callback, of the cell that ran last.
// Python code reaches that element with `import notebook; notebook.output()`.
// (A line printed without its newline waits in the line buffer until one comes.)

import { compileJsCell } from "./jscell.js";
import { toDisplay } from "./display.js";
import { appendStream, showError, showDisplay, errorText } from "./render.js";

// Python's side of showing a value; defined in a namespace of its own, not __main__.
const PYTHON_HELPERS = `
def html_of(obj):
    if isinstance(obj, type):
        return None  # a class with a _repr_html_ method is not itself HTML
    method = getattr(obj, "_repr_html_", None)
    return method() if callable(method) else None

def type_repr(obj):
    return repr(type(obj))

py_repr = repr
`;

export class Runner {
  constructor() {
    this.runtime = null;
    this.python = null;
    /** The output element of the cell running now, and of the one that ran last. */
    this.current = null;
    this.last = null;
    this.queue = Promise.resolve();
    this.ready = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this.ready.catch(() => {}); // reported by whoever loads the runtime
  }

  /** Use `runtime` from now on (cells queued before it loaded run then). */
  attach(runtime) {
    const route = (stream, fallback) => (line) => {
      const out = this.current ?? this.last;
      if (out) appendStream(out, stream, line);
      else fallback(line);
    };
    runtime.setStdout({ batched: route("stdout", console.log) });
    runtime.setStderr({ batched: route("stderr", console.error) });
    runtime.registerJsModule("notebook", {
      /** The output element of the cell running now (or that ran last). */
      output: () => this.current ?? this.last,
    });
    const ns = runtime.toPy({});
    runtime.runPython(PYTHON_HELPERS, { globals: ns });
    const [htmlOf, typeRepr, repr] = ["html_of", "type_repr", "py_repr"].map((n) => ns.get(n));
    ns.destroy();
    this.python = {
      isPyProxy: (v) => runtime.isPyProxy(v),
      htmlOf: (v) => htmlOf(v),
      typeRepr: (v) => typeRepr(v),
      repr: (v) => repr(v),
    };
    this.runtime = runtime;
    this.resolveReady(runtime);
  }

  /** The runtime failed to load: queued and later runs fail with `error`. */
  fail(error) {
    this.rejectReady(error);
  }

  /**
   * Run one cell after those queued before it; `output` is emptied first.
   * Resolves to `{ok, ms}` (an error is shown in `output`, never thrown).
   */
  run(kind, source, output) {
    const result = this.queue.then(() => this.runNow(kind, source, output));
    this.queue = result;
    return result;
  }

  async runNow(kind, source, output) {
    output.replaceChildren();
    let runtime;
    try {
      runtime = await this.ready;
    } catch (e) {
      showError(output, `Python did not load: ${e?.message ?? e}`);
      return { ok: false, ms: 0 };
    }
    this.current = output;
    this.last = output;
    const t0 = performance.now();
    const how = { PythonError: runtime.PythonError, tidyStack: undefined };
    try {
      let value;
      if (kind === "py") {
        value = await runtime.runPythonAsync(source);
      } else {
        const run = compileJsCell(source, ["pyodide", "py", "output"]);
        how.tidyStack = run.tidyStack;
        value = await run({ pyodide: runtime, py: runtime, output });
      }
      showDisplay(output, toDisplay(value, kind, this.python));
      return { ok: true, ms: performance.now() - t0 };
    } catch (e) {
      showError(output, errorText(e, how));
      return { ok: false, ms: performance.now() - t0 };
    } finally {
      this.current = null;
    }
  }
}
