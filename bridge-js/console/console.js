// The browser console page: type Python, press Run (or Ctrl/Cmd+Enter), see
// stdout, stderr and the result or the PythonError. Served from the repo root
// (`cargo xtask serve`), so the package is at ../package/.
import { loadPython, PythonError } from "../package/index.js";

const codeEl = document.getElementById("code");
const runEl = document.getElementById("run");
const clearEl = document.getElementById("clear");
const statusEl = document.getElementById("status");
const outputEl = document.getElementById("output");

function append(text, cls) {
  const span = document.createElement("span");
  span.className = cls;
  span.textContent = text.endsWith("\n") ? text : text + "\n";
  outputEl.append(span);
  outputEl.scrollTop = outputEl.scrollHeight;
}

function describe(v) {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "bigint") return `${v}n`;
  if (v === undefined) return undefined; // None / a statement: print nothing, like the Python REPL
  if (typeof v === "number" && Object.is(v, -0)) return "-0";
  if (v !== null && (typeof v === "object" || typeof v === "function")) {
    try {
      return `${String(v)}${v.type ? `  <${v.type}>` : ""}`;
    } catch (e) {
      return `<${typeof v}: String() failed: ${e.message}>`;
    }
  }
  return String(v);
}

let py;

function run() {
  if (!py) return;
  const code = codeEl.value;
  append(code.split("\n").map((l, i) => (i ? "... " : ">>> ") + l).join("\n"), "input");
  const t0 = performance.now();
  try {
    const shown = describe(py.runPython(code));
    if (shown !== undefined) append(shown, "result");
  } catch (e) {
    if (e instanceof PythonError) append(e.message, "error");
    else append(`${e && e.name}: ${e && e.message}`, "error");
  }
  statusEl.textContent = `ran in ${(performance.now() - t0).toFixed(1)} ms`;
}

runEl.addEventListener("click", run);
clearEl.addEventListener("click", () => outputEl.replaceChildren());
codeEl.addEventListener("keydown", (ev) => {
  if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) {
    ev.preventDefault();
    run();
  }
});

try {
  const t0 = performance.now();
  py = await loadPython({
    indexURL: new URL("../package/dist/", import.meta.url).href,
    stdout: (t) => append(t, "stdout"),
    stderr: (t) => append(t, "stderr"),
  });
  statusEl.textContent = `Python ready in ${(performance.now() - t0).toFixed(0)} ms — Ctrl+Enter runs`;
  runEl.disabled = false;
  document.body.dataset.ready = "true";
} catch (e) {
  statusEl.textContent = "loading Python failed";
  append(`${e && e.name}: ${e && e.message}`, "error");
  document.body.dataset.ready = "failed";
}
