// The notebook's header: title, the toolbar and the loading line. Built here
// rather than written in index.html so an exported notebook (html_file.js)
// needs nothing but its cells to get the same page.

function button(id, text, title) {
  const b = document.createElement("button");
  b.type = "button";
  b.id = id;
  b.textContent = text;
  if (title) b.title = title;
  return b;
}

/** Build the header before `main`; returns its controls by name. */
export function buildToolbar(main, title) {
  const header = document.createElement("header");
  const h1 = document.createElement("h1");
  h1.textContent = title;
  const tools = document.createElement("div");
  tools.className = "toolbar";
  tools.setAttribute("role", "toolbar");
  const c = {
    runAll: button("run-all", "▶▶ Run all", "Run every cell in order, stopping at an error"),
    addPy: button("add-py", "+ Python"),
    addJs: button("add-js", "+ JavaScript"),
    addMd: button("add-md", "+ Markdown"),
    clear: button("clear-outputs", "Clear outputs"),
    exportHTML: button("export-html", "Export HTML", "One HTML file with the cells and their outputs; open it served beside the package"),
    exportText: button("export-text", "Export %% text", "The cells as text, each after a %% py / %% js / %% md line"),
    importFile: document.createElement("input"),
  };
  c.importFile.type = "file";
  c.importFile.id = "import-file";
  c.importFile.accept = ".html,.htm,.txt,.py,text/html,text/plain";
  c.importFile.hidden = true;
  const importLabel = document.createElement("label");
  importLabel.htmlFor = "import-file";
  importLabel.className = "button";
  importLabel.textContent = "Import…";
  importLabel.title = "Load an exported HTML notebook or %% text";
  const sep = () => Object.assign(document.createElement("span"), { className: "sep" });
  tools.append(c.runAll, sep(), c.addPy, c.addJs, c.addMd, sep(), c.clear, sep(), c.exportHTML, c.exportText, importLabel, c.importFile);

  const loading = document.createElement("div");
  loading.className = "loading";
  c.progress = document.createElement("progress");
  c.progress.id = "progress";
  c.progress.hidden = true;
  c.status = document.createElement("span");
  c.status.id = "status";
  c.status.setAttribute("aria-live", "polite");
  c.message = document.createElement("span");
  c.message.id = "message";
  c.message.setAttribute("aria-live", "polite");
  loading.append(c.progress, c.status, c.message);

  header.append(h1, tools, loading);
  main.before(header);
  c.title = h1;
  return c;
}
