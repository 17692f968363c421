// The notebook page: cells of Python, JavaScript and Markdown on one
// runtime. Served from the repo root (`cargo xtask serve`, then
// /bridge-js/notebook/); the package is found beside this file
// (../package/), so an exported notebook that loads this script by its
// absolute path works from anywhere under that root.
//
// The cells come from the page: a <script type="application/json"
// id="notebook-data"> block (an exported notebook, with saved outputs), else
// a <script type="text/x-notebook" id="notebook-text"> block of `%%` text
// (index.html's example), else one empty Python cell.
import { loadPython } from "../package/index.js";
import { Notebook } from "./cells.js";
import { Runner } from "./runner.js";
import { NotebookView } from "./view.js";
import { buildToolbar } from "./toolbar.js";
import { loadingProgress } from "./progress.js";
import { listenForFrameHeights } from "./render.js";
import { buildNotebookHTML, parseNotebookData, readNotebookFile } from "./html_file.js";
import { parseText, serializeText } from "./text_format.js";

/** The cells the page itself holds. */
function embeddedCells(doc) {
  const data = doc.getElementById("notebook-data");
  if (data) return parseNotebookData(data.textContent);
  const text = doc.getElementById("notebook-text");
  if (text) return parseText(text.textContent.replace(/^\n/, ""));
  return [{ kind: "py", source: "" }];
}

/** Offer `text` as a file download. */
function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const fileStem = (title) => title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "notebook";

const main = document.getElementById("notebook") ?? document.body.appendChild(Object.assign(document.createElement("main"), { id: "notebook" }));
const controls = buildToolbar(main, document.title);
const say = (text, isError = false) => {
  controls.message.textContent = text;
  controls.message.classList.toggle("error", isError);
};

let cells;
try {
  cells = embeddedCells(document);
} catch (e) {
  say(`this page's notebook could not be read: ${e.message}`, true);
  cells = [{ kind: "py", source: "" }];
}
const runner = new Runner();
const view = new NotebookView(main, new Notebook(cells), runner);
listenForFrameHeights(window);

function setTitle(title) {
  document.title = title;
  controls.title.textContent = title;
}

controls.runAll.addEventListener("click", async () => {
  controls.runAll.disabled = true;
  try {
    say((await view.runAll()) ? "ran all cells" : "stopped at a cell that failed", false);
  } finally {
    controls.runAll.disabled = false;
  }
});
controls.addPy.addEventListener("click", () => view.add("py"));
controls.addJs.addEventListener("click", () => view.add("js"));
controls.addMd.addEventListener("click", () => view.add("md"));
controls.clear.addEventListener("click", () => view.clearOutputs());
controls.exportHTML.addEventListener("click", async () => {
  let css;
  try {
    const res = await fetch(new URL("notebook.css", import.meta.url));
    if (res.ok) css = await res.text();
  } catch {
    // link the stylesheet instead
  }
  const html = buildNotebookHTML({ title: document.title, cells: view.snapshot(), css });
  download(`${fileStem(document.title)}.html`, html, "text/html");
  say(`exported ${view.notebook.cells.length} cells as HTML`);
});
controls.exportText.addEventListener("click", () => {
  const text = serializeText(view.notebook.cells);
  download(`${fileStem(document.title)}.txt`, text, "text/plain");
  say(`exported ${view.notebook.cells.length} cells as %% text`);
});
controls.importFile.addEventListener("change", async () => {
  const file = controls.importFile.files[0];
  if (!file) return;
  try {
    const { title, cells: imported } = readNotebookFile(await file.text());
    view.replace(new Notebook(imported));
    if (title) setTitle(title);
    say(`imported ${imported.length} cells from ${file.name}`);
  } catch (e) {
    say(`cannot import ${file.name}: ${e.message}`, true);
  } finally {
    controls.importFile.value = ""; // the same file again is a change too
  }
});

const progress = loadingProgress(controls.progress, controls.status);
document.body.dataset.ready = "loading";
try {
  const runtime = await loadPython({ indexURL: new URL("../package/dist/", import.meta.url), onProgress: progress.update });
  runner.attach(runtime);
  // performance.now() counts from the start of the page's navigation.
  progress.ready(performance.now());
  document.body.dataset.ready = "true";
} catch (e) {
  runner.fail(e);
  progress.failed(e);
  document.body.dataset.ready = "failed";
  console.error(e);
}
