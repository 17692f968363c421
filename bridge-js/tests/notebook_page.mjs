#!/usr/bin/env node
// Browser test of the notebook page (bridge-js/notebook/), driven through its
// controls in headless Chromium: loading progress; the example notebook runs
// all green (screenshot to target/test-artifacts/notebook.png, and with
// --readme-screenshot to docs/images/notebook.png too); then a notebook built
// cell by cell: a Python object read from JS, a JS array summed in Python, an
// error followed by a working cell, DOM output from JS and from Python,
// `_repr_html_` in a sandboxed frame, cells added, moved, retyped, deleted;
// the HTML export re-imported and opened as a page of its own, the %% text
// export re-imported, and an imported file's scripts kept from running.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pageTest } from "./page_test.mjs";
import { parseNotebookHTML, buildNotebookHTML } from "../notebook/html_file.js";
import { parseText } from "../notebook/text_format.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ARTIFACTS = path.join(ROOT, "target/test-artifacts");
const README_SHOT = process.argv.includes("--readme-screenshot");

const waitReady = (page) => page.waitForFunction(() => document.body.dataset.ready && document.body.dataset.ready !== "loading", null, { timeout: 180_000 });

/** What a cell shows: kind, classes, source, and each output child as [class, text]. */
function cellState(page, i) {
  return page.evaluate((i) => {
    const c = document.querySelectorAll(".cell")[i];
    const out = c.querySelector(".output");
    return {
      kind: c.dataset.kind,
      error: c.classList.contains("error"),
      source: c.querySelector("textarea.source").value,
      outputs: [...out.children].map((e) => [e.className || e.localName, e.textContent.trimEnd()]),
    };
  }, i);
}

/** Run cell `i` (its button, or Shift+Enter in its textarea) and wait for its prompt to show a new count. */
async function runCell(page, i, how = "button") {
  const cell = page.locator(".cell").nth(i);
  const before = await cell.locator(".prompt").textContent();
  if (how === "keys") await cell.locator("textarea.source").press("Shift+Enter");
  else await cell.locator("button.run").click();
  await page.waitForFunction(
    ([i, before]) => {
      const c = document.querySelectorAll(".cell")[i];
      const p = c.querySelector(".prompt").textContent;
      return !c.classList.contains("queued") && /^\[\d+\]$/.test(p) && p !== before;
    },
    [i, before],
    { timeout: 60_000 },
  );
  return cellState(page, i);
}

/** Append a cell with the toolbar button and type its source; returns its index. */
async function addCell(page, kind, source) {
  await page.click(`#add-${kind}`);
  const cells = page.locator(".cell");
  await cells.last().locator("textarea.source").fill(source);
  return (await cells.count()) - 1;
}

/** Every cell as {kind, source, output HTML}. */
function pageCells(page) {
  return page.$$eval(".cell", (els) =>
    els.map((c) => ({ kind: c.dataset.kind, source: c.querySelector("textarea.source").value, output: c.querySelector(".output").innerHTML })),
  );
}

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
  const where = path.join(ARTIFACTS, file.suggestedFilename());
  await file.saveAs(where);
  return { where, text: fs.readFileSync(where, "utf8"), name: file.suggestedFilename() };
}

async function importFile(page, file) {
  const before = await page.textContent("#message");
  await page.setInputFiles("#import-file", file);
  await page.waitForFunction((b) => document.querySelector("#message").textContent !== b, before, { timeout: 10_000 });
  return page.textContent("#message");
}

const outText = (state, cls) => state.outputs.find(([c]) => c.split(" ").includes(cls))?.[1];

await pageTest("notebook page test", "bridge-js/notebook/", async (page, check) => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await waitReady(page);
  const ready = await page.evaluate(() => document.body.dataset.ready);
  const status = await page.textContent("#status");
  check(ready === "true" && /Python ready in \d+\.\d+ s/.test(status), "notebook loads Python and shows its start-up time", status);
  if (ready !== "true") return;
  const progress = await page.$eval("#progress", (p) => [Number(p.dataset.loaded), Number(p.dataset.total)]);
  check(progress[0] > 1e6 && progress[0] === progress[1], "download progress reached its total", `${progress[0]} of ${progress[1]} bytes`);

  // The example notebook runs without an error.
  const examples = await page.locator(".cell").count();
  await page.click("#run-all");
  await page.waitForFunction(() => document.querySelector("#message").textContent !== "" && !document.querySelector("#run-all").disabled, null, { timeout: 60_000 });
  const failed = await page.$$eval(".cell.error", (els) => els.length);
  const ranAll = await page.textContent("#message");
  check(failed === 0 && ranAll === "ran all cells", "Run all on the example notebook", `${examples} cells, ${failed} failed: ${ranAll}`);
  if (failed === 0) {
    const exampleFrame = await page.locator("iframe.html-output").first().elementHandle();
    const exampleTable = await (await exampleFrame.contentFrame()).locator("table td").count();
    check(exampleTable === 8, "the example's _repr_html_ table shows in its frame", `${exampleTable} cells`);
    // Each frame reports its height once it has loaded (render.js).
    await page.waitForFunction(() => [...document.querySelectorAll("iframe.html-output")].every((f) => parseInt(f.style.height) > 48), null, { timeout: 10_000 });
  } else {
    console.log(JSON.stringify(await page.$$eval(".cell.error .output", (o) => o.map((e) => e.textContent))));
  }
  // Frames of another origin are painted only inside the viewport: make it the whole page.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1100, height });
  await page.mouse.move(0, height - 1); // no button drawn hovered
  const shot = path.join(ARTIFACTS, "notebook.png");
  await page.screenshot({ path: shot, fullPage: true });
  if (README_SHOT) fs.copyFileSync(shot, path.join(ROOT, "docs/images/notebook.png"));
  check(fs.statSync(shot).size > 10_000, "screenshot saved", path.relative(ROOT, shot) + (README_SHOT ? " and docs/images/notebook.png" : ""));
  await page.setViewportSize({ width: 1100, height: 900 });

  while ((await page.locator(".cell").count()) > 0) await page.locator(".cell button.delete").first().click();
  check((await page.locator(".cell").count()) === 0, "every cell can be deleted");

  // (a) A Python object read from a JS cell.
  const foo = await addCell(page, "py", "class Foo:\n    def __init__(self, val):\n        self.val = val\n\nfoo = Foo(42)");
  let st = await runCell(page, foo, "keys");
  check(!st.error && st.outputs.length === 0, "Python cell defining foo = Foo(42) (Shift+Enter)", JSON.stringify(st.outputs));
  const readFoo = await addCell(page, "js", 'pyodide.pyimport("__main__").foo.val');
  st = await runCell(page, readFoo);
  check(outText(st, "value") === "42", "JS cell reads foo.val through pyodide", JSON.stringify(st.outputs));
  const proxy = await addCell(page, "js", 'py.globals.get("foo")');
  st = await runCell(page, proxy);
  check(/^PyProxy <class '__main__\.Foo'>: <__main__\.Foo object at 0x[0-9a-f]+>$/.test(outText(st, "value") ?? ""), "a PyProxy value shows its type and repr", JSON.stringify(st.outputs));

  // (b) A JS array used by Python.
  const arr = await addCell(page, "js", "const arr = [1, 2, 3, 4]");
  st = await runCell(page, arr);
  check(!st.error && st.outputs.length === 0, "JS cell declaring const arr", JSON.stringify(st.outputs));
  const sum = await addCell(page, "py", "from js import arr\nsum(arr)");
  st = await runCell(page, sum, "keys");
  check(outText(st, "value") === "10", "Python cell: from js import arr; sum(arr)", JSON.stringify(st.outputs));

  // (c) Errors, then working cells.
  const pyErr = await addCell(page, "py", "def f():\n    return 1 / 0\n\nf()");
  st = await runCell(page, pyErr);
  const tb = outText(st, "error") ?? "";
  check(st.error && tb.startsWith("Traceback") && tb.endsWith("ZeroDivisionError: division by zero"), "a Python error shows its traceback", JSON.stringify(tb.split("\n").at(-1)));
  const jsErr = await addCell(page, "js", "const o = null\no.missing");
  st = await runCell(page, jsErr);
  const stack = outText(st, "error") ?? "";
  check(
    st.error && stack === "TypeError: Cannot read properties of null (reading 'missing')\n    at cell line 2:3",
    "a JS error shows its stack, in the cell's own lines",
    JSON.stringify(stack),
  );
  const works = await addCell(page, "py", 'import sys\nprint("still", "alive")\nprint("to stderr", file=sys.stderr)\n6 * 7');
  st = await runCell(page, works);
  check(
    !st.error && outText(st, "stdout") === "still alive" && outText(st, "stderr") === "to stderr" && outText(st, "value") === "42",
    "after the errors a cell runs: stdout, stderr and value in its output",
    JSON.stringify(st.outputs),
  );
  const none = await addCell(page, "py", "x = None\nx");
  st = await runCell(page, none);
  check(!st.error && st.outputs.length === 0, "a None value shows nothing", JSON.stringify(st.outputs));

  // (d) DOM output from JS and from Python.
  const jsDom = await addCell(page, "js", 'const d = document.createElement("div")\nd.id = "from-js"\nd.textContent = "made in JS"\noutput.append(d)\nundefined');
  st = await runCell(page, jsDom);
  const jsIn = await page.evaluate((i) => document.querySelectorAll(".cell")[i].querySelector(".output #from-js")?.textContent, jsDom);
  check(jsIn === "made in JS", "a JS cell's element appears in its own output", JSON.stringify(st.outputs));
  const pyDom = await addCell(page, "py", 'import notebook\nfrom js import document\nel = document.createElement("span")\nel.id = "from-py"\nel.textContent = "made in Python"\nnotebook.output().append(el)');
  st = await runCell(page, pyDom);
  const pyIn = await page.evaluate((i) => document.querySelectorAll(".cell")[i].querySelector(".output #from-py")?.textContent, pyDom);
  check(pyIn === "made in Python", "a Python cell's element (notebook.output()) appears in its own output", JSON.stringify(st.outputs));
  const canvas = await addCell(page, "js", 'const c = document.createElement("canvas")\nc.width = 60; c.height = 20\nc.getContext("2d").fillRect(0, 0, 60, 20)\nc');
  st = await runCell(page, canvas);
  check(st.outputs.length === 1 && st.outputs[0][0] === "canvas", "a canvas value is appended itself", JSON.stringify(st.outputs));

  // (f) _repr_html_ in a sandboxed frame.
  const rich = await addCell(page, "py", 'class Rich:\n    def _repr_html_(self):\n        return "<b id=rich>rich <i>HTML</i></b>"\n\nRich()');
  st = await runCell(page, rich);
  const frame = page.locator(".cell").nth(rich).locator("iframe.html-output");
  const sandbox = await frame.getAttribute("sandbox");
  const inner = await frame.elementHandle().then((h) => h.contentFrame());
  const richText = await inner.locator("#rich").textContent();
  const reach = await inner.evaluate(() => {
    try {
      return parent.document.title;
    } catch {
      return "blocked";
    }
  });
  check(sandbox === "allow-scripts" && richText === "rich HTML" && reach === "blocked", "_repr_html_ renders in a sandboxed frame (no same origin)", `sandbox=${sandbox} text=${richText} parent=${reach}`);

  // Markdown, kinds, moving.
  const md = await addCell(page, "md", "## Notes *here*\n\n- one `1`\n- <b>two</b>");
  await page.locator(".cell").nth(md).locator("textarea.source").press("Shift+Enter");
  const mdHTML = await page.locator(".cell").nth(md).locator(".output").innerHTML();
  check(mdHTML === "<h2>Notes <em>here</em></h2>\n<ul>\n<li>one <code>1</code></li>\n<li>&lt;b&gt;two&lt;/b&gt;</li>\n</ul>", "a Markdown cell renders", JSON.stringify(mdHTML));
  const kind = await addCell(page, "py", "'now JS'");
  await page.locator(".cell").nth(kind).locator("select.kind").selectOption("js");
  st = await runCell(page, kind);
  check(st.kind === "js" && outText(st, "value") === '"now JS"', "changing a cell's kind runs it as that kind", JSON.stringify(st));
  await page.locator(".cell").nth(kind).locator("button.up").click();
  const moved = await cellState(page, kind - 1);
  check(moved.source === "'now JS'", "moving a cell up", JSON.stringify(moved.source));
  await page.locator(".cell").nth(kind - 1).locator("button.down").click();

  // (e) Export to one HTML file, import it back, open it as a page.
  const before = await pageCells(page);
  const exported = await download(page, "#export-html");
  const saved = parseNotebookHTML(exported.text);
  const sameSources = JSON.stringify(saved?.cells.map((c) => [c.kind, c.source])) === JSON.stringify(before.map((c) => [c.kind, c.source]));
  const outputsKept = saved?.cells.every((c, i) => (i === canvas ? /^<img src="data:image\/png;base64,/.test(c.output) : (c.output ?? "") === before[i].output));
  check(sameSources && outputsKept, "HTML export holds every cell and its output (a canvas as an image)", `${exported.name}, ${saved?.cells.length} cells`);
  const cleared = await page.click("#clear-outputs").then(() => page.$$eval(".cell:not([data-kind=md]) .output", (o) => o.filter((e) => e.innerHTML).length));
  check(cleared === 0, "Clear outputs empties the code cells' outputs");
  const imported = await importFile(page, exported.where);
  const after = await pageCells(page);
  check(
    JSON.stringify(after) === JSON.stringify(saved.cells.map((c) => ({ ...c, output: c.output ?? "" }))),
    "importing the HTML gives the same cells and outputs",
    imported,
  );
  const reopened = await page.context().browser().newPage();
  await reopened.goto(new URL("/target/test-artifacts/" + exported.name, page.url()).href);
  await waitReady(reopened);
  const reCells = await pageCells(reopened);
  check(
    JSON.stringify(reCells) === JSON.stringify(after) && (await reopened.title()) === (await page.title()),
    "the exported file, served, opens as the notebook with its saved outputs",
    `${reCells.length} cells, ready=${await reopened.evaluate(() => document.body.dataset.ready)}`,
  );
  await runCell(reopened, foo);
  st = await runCell(reopened, readFoo);
  check(outText(st, "value") === "42", "the exported notebook runs again", JSON.stringify(st.outputs));
  await reopened.close();

  // (e) The %% text export and import.
  const text = await download(page, "#export-text");
  const textCells = parseText(text.text);
  check(
    JSON.stringify(textCells) === JSON.stringify(after.map(({ kind, source }) => ({ kind, source }))),
    "%% text export holds every cell's kind and source",
    `${text.name}: ${text.text.split("\n")[0]} …`,
  );
  await page.locator(".cell").first().locator("button.delete").click();
  await importFile(page, text.where);
  const fromText = await pageCells(page);
  check(
    JSON.stringify(fromText.map(({ kind, source }) => ({ kind, source }))) === JSON.stringify(textCells) &&
      fromText.filter((c) => c.kind !== "md").every((c) => c.output === ""),
    "importing the %% text gives the same cells, without outputs",
  );
  st = await runCell(page, foo);
  st = await runCell(page, readFoo);
  check(outText(st, "value") === "42", "the re-imported cells run", JSON.stringify(st.outputs));

  // An imported file's outputs cannot run code.
  const hostile = path.join(ARTIFACTS, "hostile-notebook.html");
  const bad =
    '<img id=bad1 src=x onerror="window.__pwned = 1"><a id=bad2 href="javascript:window.__pwned = 2">x</a>' +
    '<script>window.__pwned = 3</script><iframe id=bad3 srcdoc="<p>f</p>" sandbox="allow-scripts allow-same-origin"></iframe>';
  fs.writeFileSync(hostile, buildNotebookHTML({ title: "hostile", cells: [{ kind: "py", source: "1", output: bad }] }));
  await importFile(page, hostile);
  await page.waitForTimeout(300);
  const cleaned = await page.evaluate(() => ({
    pwned: window.__pwned,
    onerror: document.querySelector("#bad1")?.getAttribute("onerror"),
    href: document.querySelector("#bad2")?.getAttribute("href"),
    scripts: document.querySelectorAll(".output script").length,
    sandbox: document.querySelector("#bad3")?.getAttribute("sandbox"),
  }));
  check(
    cleaned.pwned === undefined && cleaned.onerror === null && cleaned.href === null && cleaned.scripts === 0 && cleaned.sandbox === "allow-scripts",
    "an imported file's outputs lose scripts, handlers, javascript: links and same-origin frames",
    JSON.stringify(cleaned),
  );
});
