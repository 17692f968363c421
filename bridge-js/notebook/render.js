// A cell's output element, filled while it runs: stdout and stderr lines,
// the error, and the value (as display.js describes it).

/** Append a line of stdout or stderr, joining it to the block before when that is the same stream. */
export function appendStream(output, stream, line) {
  let pre = output.lastElementChild;
  if (pre === null || !pre.classList.contains("stream") || !pre.classList.contains(stream)) {
    pre = document.createElement("pre");
    pre.className = `stream ${stream}`;
    output.append(pre);
  }
  pre.textContent += line + "\n";
}

export function showError(output, text) {
  const pre = document.createElement("pre");
  pre.className = "error";
  pre.textContent = text;
  output.append(pre);
}

/** Show a display (`{node}`, `{html}` or `{text}`, or null for nothing). */
export function showDisplay(output, display) {
  if (display === null) return;
  if ("node" in display) {
    output.append(display.node);
  } else if ("html" in display) {
    output.append(htmlFrame(display.html));
  } else {
    const pre = document.createElement("pre");
    pre.className = "value";
    pre.textContent = display.text;
    output.append(pre);
  }
}

// The frame reports its height to the page (below), since the page cannot
// look inside a frame of another origin.
const REPORT_HEIGHT =
  "<script>(() => { const post = () => parent.postMessage({ notebookFrameHeight: document.documentElement.scrollHeight }, '*');" +
  " addEventListener('load', post); new ResizeObserver(post).observe(document.documentElement); })();</" +
  "script>";

/**
 * A frame showing `html` (a `_repr_html_`): `srcdoc`, sandboxed without
 * allow-same-origin, so its scripts run in an opaque origin and cannot reach
 * the notebook, its runtime or its storage.
 */
export function htmlFrame(html) {
  const frame = document.createElement("iframe");
  frame.className = "html-output";
  frame.setAttribute("sandbox", "allow-scripts");
  frame.setAttribute(
    "srcdoc",
    `<!doctype html><meta charset="utf-8"><style>body{margin:0;font:14px/1.4 system-ui,sans-serif}</style>${html}${REPORT_HEIGHT}`,
  );
  return frame;
}

/** Size each html-output frame to the height it reports (once per page). */
export function listenForFrameHeights(win = window) {
  win.addEventListener("message", (ev) => {
    const h = ev.data?.notebookFrameHeight;
    if (typeof h !== "number" || !(h > 0)) return;
    for (const frame of win.document.querySelectorAll("iframe.html-output")) {
      if (frame.contentWindow === ev.source) frame.style.height = `${Math.min(Math.ceil(h), 4000)}px`;
    }
  });
}

/**
 * The text to show for an error thrown by a cell: a PythonError's traceback,
 * or the JS stack, through `tidyStack` when given (jscell.js: the cell's own
 * line numbers), else cut where the notebook's own frames start.
 */
export function errorText(error, { PythonError, tidyStack } = {}) {
  if (PythonError && error instanceof PythonError) return error.message;
  if (!(error instanceof Error)) return `Uncaught ${typeof error === "string" ? JSON.stringify(error) : String(error)}`;
  const head = `${error.name}: ${error.message}`;
  let stack = typeof error.stack === "string" ? error.stack : "";
  if (tidyStack) {
    stack = tidyStack(stack);
  } else {
    const lines = stack.split("\n");
    const ours = lines.findIndex((l, i) => i > 0 && /\/notebook\/\w+\.js/.test(l) && !/eval at/.test(l));
    stack = (ours < 0 ? lines : lines.slice(0, ours)).join("\n");
  }
  stack = stack.trimEnd();
  return stack.startsWith(head) ? stack : `${head}\n${stack}`.trimEnd();
}
