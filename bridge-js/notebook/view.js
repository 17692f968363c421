// The cells on the page: one <section class="cell"> per cell, with its bar
// (prompt, kind, run, move, insert, delete), a textarea and an output
// element. Keeps the Notebook model in step with what is typed.
//
// Keys in a cell: Shift+Enter runs it and moves to the next cell,
// Ctrl/Cmd+Enter runs it and stays, Tab indents. A Markdown cell shows its
// rendering once run; a double click on the rendering edits it again.

import { KINDS } from "./cells.js";
import { renderMarkdown } from "./markdown.js";
import { outputHTML, restoreOutput } from "./saved_output.js";

const KIND_NAMES = { py: "Python", js: "JavaScript", md: "Markdown" };

function button(text, cls, title) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = cls;
  b.textContent = text;
  b.title = title;
  b.setAttribute("aria-label", title);
  return b;
}

export class NotebookView {
  /**
   * @param {HTMLElement} root where the cells go
   * @param {import("./cells.js").Notebook} notebook
   * @param {import("./runner.js").Runner} runner
   */
  constructor(root, notebook, runner) {
    this.root = root;
    this.notebook = notebook;
    this.runner = runner;
    /** cell id -> {section, textarea, output, prompt, timing, select} */
    this.parts = new Map();
    this.runs = 0;
    this.redraw();
  }

  /** Show `notebook` instead (an import): its cells, with their saved outputs. */
  replace(notebook) {
    this.notebook = notebook;
    this.redraw();
  }

  redraw() {
    this.parts.clear();
    this.root.replaceChildren(...this.notebook.cells.map((cell) => this.build(cell)));
  }

  build(cell) {
    const section = document.createElement("section");
    section.className = "cell";
    section.dataset.id = cell.id;
    section.dataset.kind = cell.kind;

    const bar = document.createElement("div");
    bar.className = "cell-bar";
    const prompt = document.createElement("span");
    prompt.className = "prompt";
    prompt.textContent = "[ ]";
    const select = document.createElement("select");
    select.className = "kind";
    select.setAttribute("aria-label", "cell kind");
    for (const k of KINDS) select.append(new Option(KIND_NAMES[k], k, false, k === cell.kind));
    const run = button("▶ Run", "run", "Run this cell (Shift+Enter)");
    const up = button("↑", "up", "Move up");
    const down = button("↓", "down", "Move down");
    const below = button("+", "insert", "Insert a cell below");
    const del = button("✕", "delete", "Delete this cell");
    const timing = document.createElement("span");
    timing.className = "timing";
    bar.append(prompt, select, run, timing, up, down, below, del);

    const textarea = document.createElement("textarea");
    textarea.className = "source";
    textarea.spellcheck = false;
    textarea.value = cell.source;
    textarea.setAttribute("aria-label", "cell source");
    const output = document.createElement("div");
    output.className = "output";
    section.append(bar, textarea, output);

    this.parts.set(cell.id, { section, textarea, output, prompt, timing, select });
    if (cell.output) {
      restoreOutput(output, cell.output);
      section.classList.add("saved");
    }
    if (cell.kind === "md" && cell.source.trim() !== "") this.renderMarkdownCell(cell);

    textarea.addEventListener("input", () => {
      cell.source = textarea.value;
      fit(textarea);
    });
    textarea.addEventListener("keydown", (ev) => this.onKey(ev, cell));
    select.addEventListener("change", () => this.setKind(cell, select.value));
    run.addEventListener("click", () => this.run(cell));
    up.addEventListener("click", () => this.move(cell, -1));
    down.addEventListener("click", () => this.move(cell, 1));
    below.addEventListener("click", () => this.add(cell.kind, "", this.notebook.indexOf(cell.id) + 1));
    del.addEventListener("click", () => this.remove(cell));
    output.addEventListener("dblclick", () => {
      if (cell.kind === "md") this.editMarkdownCell(cell);
    });
    requestAnimationFrame(() => fit(textarea));
    return section;
  }

  onKey(ev, cell) {
    if (ev.key === "Enter" && (ev.shiftKey || ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      const done = this.run(cell);
      if (ev.shiftKey) {
        const next = this.notebook.cells[this.notebook.indexOf(cell.id) + 1];
        if (next) this.focus(next.id);
      }
      return done;
    }
    if (ev.key === "Tab" && !ev.shiftKey && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      ev.preventDefault();
      ev.target.setRangeText("    ", ev.target.selectionStart, ev.target.selectionEnd, "end");
      cell.source = ev.target.value;
    }
    return undefined;
  }

  /** A new cell of `kind` at `index` (default: the end), focused. */
  add(kind, source = "", index = this.notebook.cells.length) {
    const cell = this.notebook.add(kind, source, index);
    const section = this.build(cell);
    const after = this.notebook.cells[this.notebook.indexOf(cell.id) + 1];
    this.root.insertBefore(section, after ? this.parts.get(after.id).section : null);
    this.focus(cell.id);
    return cell;
  }

  remove(cell) {
    this.notebook.remove(cell.id);
    this.parts.get(cell.id).section.remove();
    this.parts.delete(cell.id);
  }

  move(cell, delta) {
    if (!this.notebook.move(cell.id, delta)) return;
    const { section } = this.parts.get(cell.id);
    const after = this.notebook.cells[this.notebook.indexOf(cell.id) + 1];
    this.root.insertBefore(section, after ? this.parts.get(after.id).section : null);
  }

  setKind(cell, kind) {
    this.notebook.setKind(cell.id, kind);
    const p = this.parts.get(cell.id);
    p.section.dataset.kind = kind;
    p.select.value = kind;
    p.output.replaceChildren();
    p.section.classList.remove("rendered", "error", "saved");
    p.prompt.textContent = "[ ]";
  }

  focus(id) {
    const p = this.parts.get(id);
    const cell = this.notebook.get(id);
    if (cell.kind === "md") this.editMarkdownCell(cell);
    p.textarea.focus();
  }

  renderMarkdownCell(cell) {
    const p = this.parts.get(cell.id);
    p.output.innerHTML = renderMarkdown(cell.source);
    p.section.classList.add("rendered");
    p.section.classList.remove("saved");
  }

  editMarkdownCell(cell) {
    const p = this.parts.get(cell.id);
    p.section.classList.remove("rendered");
    requestAnimationFrame(() => fit(p.textarea));
  }

  /** Run one cell; resolves to whether it succeeded. */
  async run(cell) {
    const p = this.parts.get(cell.id);
    if (cell.kind === "md") {
      this.renderMarkdownCell(cell);
      return true;
    }
    p.section.classList.remove("error", "saved");
    p.section.classList.add("queued");
    p.prompt.textContent = "[*]";
    const kind = cell.kind;
    const result = await this.runner.run(kind, cell.source, p.output);
    p.section.classList.remove("queued");
    p.prompt.textContent = `[${++this.runs}]`;
    p.timing.textContent = `${result.ms < 10 ? result.ms.toFixed(1) : Math.round(result.ms)} ms`;
    p.section.classList.toggle("error", !result.ok);
    return result.ok;
  }

  /** Run every cell in order, stopping at the first that fails; resolves to whether all succeeded. */
  async runAll() {
    for (const cell of [...this.notebook.cells]) {
      if (!this.parts.has(cell.id)) continue; // deleted meanwhile
      if (!(await this.run(cell))) return false;
    }
    return true;
  }

  clearOutputs() {
    for (const cell of this.notebook.cells) {
      if (cell.kind === "md") continue;
      const p = this.parts.get(cell.id);
      p.output.replaceChildren();
      p.section.classList.remove("error", "saved");
      p.prompt.textContent = "[ ]";
      p.timing.textContent = "";
    }
  }

  /** The cells with the HTML of their outputs now (for export): `[{kind, source, output}]`. */
  snapshot() {
    return this.notebook.cells.map((cell) => {
      const html = outputHTML(this.parts.get(cell.id).output);
      return { kind: cell.kind, source: cell.source, output: html === "" ? null : html };
    });
  }
}

/** Grow a textarea to its content (at least two lines). */
function fit(textarea) {
  if (textarea.offsetParent === null) return; // hidden (a rendered Markdown cell)
  textarea.style.height = "auto";
  textarea.style.height = `${Math.max(textarea.scrollHeight + 2, 44)}px`;
}
