// The notebook as one HTML file, and back.
//
// The file is the notebook page itself with its cells in a
// <script type="application/json" id="notebook-data"> block (each cell's
// kind, source and the HTML of its last output), a static copy of the cells
// and outputs in <main> for reading without running anything, and the
// notebook's script by absolute path (/bridge-js/notebook/notebook.js), so
// that served anywhere under the repo root (`cargo xtask serve`) it opens as
// a live notebook showing its saved outputs, ready to run again.

import { escapeHTML } from "./markdown.js";
import { KINDS, parseText } from "./text_format.js";

export const FORMAT = "pybridge-notebook";
export const VERSION = 1;
export const SCRIPT_PATH = "/bridge-js/notebook/notebook.js";
export const STYLE_PATH = "/bridge-js/notebook/notebook.css";
export const IMPORT_MAP = { imports: { "@bjorn3/browser_wasi_shim": "/node_modules/@bjorn3/browser_wasi_shim/dist/index.js" } };

/** JSON that is safe inside a <script> element (no `</script>`, no `<!--`). */
function scriptJSON(value) {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/**
 * The single-file HTML of a notebook.
 * @param {{title?: string, cells: {kind: string, source: string, output?: string | null}[], css?: string}} notebook
 *   `css`: the stylesheet's text to inline (else the file links it by absolute path)
 */
export function buildNotebookHTML({ title = "notebook", cells, css }) {
  const data = { format: FORMAT, version: VERSION, cells: cells.map(checkCell) };
  const style = css === undefined ? `<link rel="stylesheet" href="${STYLE_PATH}">` : `<style>\n${css.replace(/<\/style/gi, "<\\/style")}\n</style>`;
  const saved = data.cells
    .map(({ kind, source, output }) => {
      const src = kind === "md" ? "" : `<pre class="source">${escapeHTML(source)}</pre>`;
      const out = output ? `<div class="output">${output}</div>` : "";
      return `<section class="cell saved" data-kind="${kind}">${src}${out}</section>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHTML(title)}</title>
<link rel="icon" href="data:,">
<script type="importmap">${scriptJSON(IMPORT_MAP)}</script>
${style}
<script type="application/json" id="notebook-data">${scriptJSON(data)}</script>
</head>
<body>
<main id="notebook">
${saved}
</main>
<script type="module" src="${SCRIPT_PATH}"></script>
</body>
</html>
`;
}

function checkCell(cell, i) {
  if (cell === null || typeof cell !== "object") throw new TypeError(`notebook cell ${i}: not an object`);
  const { kind, source, output = null } = cell;
  if (!KINDS.includes(kind)) throw new TypeError(`notebook cell ${i}: unknown kind ${JSON.stringify(kind)}`);
  if (typeof source !== "string") throw new TypeError(`notebook cell ${i}: source is not a string`);
  if (output !== null && typeof output !== "string") throw new TypeError(`notebook cell ${i}: output is not a string`);
  return { kind, source, output };
}

/** The cells of a notebook-data JSON text (as in the block above). */
export function parseNotebookData(json) {
  let data;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new Error(`notebook data is not JSON: ${e.message}`);
  }
  if (data?.format !== FORMAT || !Array.isArray(data.cells)) throw new Error(`notebook data is not a ${FORMAT} (format, cells)`);
  if (data.version > VERSION) throw new Error(`notebook data version ${data.version} is newer than this page's (${VERSION})`);
  return data.cells.map(checkCell);
}

const DATA_BLOCK = /<script\b[^>]*\bid\s*=\s*["']?notebook-data\b["']?[^>]*>([\s\S]*?)<\/script\s*>/i;
const TITLE = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i;
const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };

/** `{title, cells}` of an exported notebook's HTML, or null when it has no notebook-data block. */
export function parseNotebookHTML(html) {
  const block = DATA_BLOCK.exec(html);
  if (block === null) return null;
  const title = TITLE.exec(html)?.[1].replace(/&(amp|lt|gt|quot|#39);/g, (_, e) => ENTITIES[e]).trim();
  return { title: title || undefined, cells: parseNotebookData(block[1]) };
}

/** A file's text as `{title, cells}`: an exported HTML notebook, or `%%` text. */
export function readNotebookFile(text) {
  const fromHTML = parseNotebookHTML(text);
  if (fromHTML !== null) return fromHTML;
  if (/^\s*<(!doctype|html)\b/i.test(text)) throw new Error("this HTML file has no notebook in it (no notebook-data block)");
  return { title: undefined, cells: parseText(text).map((c) => ({ ...c, output: null })) };
}
