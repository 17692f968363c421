// Markdown for `%% md` cells: a small renderer of our own, not a library.
//
// Why not `marked` (it is on npm and well kept): it passes raw HTML through,
// so a safe page would also need a sanitizer (DOMPurify), a second
// dependency; and the page would load both from /node_modules, which the
// exported single-file notebook cannot count on. A notebook's text cells need
// a small, fixed subset, and this file covers it in one pure function:
//
//   # headings (ATX, and setext === / ---), paragraphs, *em* _em_,
//   **strong** __strong__, `code spans`, fenced code (``` or ~~~, with a
//   language class), - * + and 1. lists (nested by indentation), > quotes,
//   --- rules, [links](url "title"), ![images](url), backslash escapes,
//   hard breaks (two trailing spaces or a trailing backslash).
//
// Everything is escaped: raw HTML in the source shows as text. Link and
// image URLs with a scheme other than http, https and mailto (javascript:,
// data:, vbscript:…) become "#".

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe to put in HTML text or a quoted attribute. */
export function escapeHTML(text) {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** `url` if its scheme is safe to follow (or it has none), else "#". */
export function safeURL(url) {
  // Browsers drop tabs and newlines inside URLs ("java\tscript:" is javascript:).
  const bare = url.replace(/[\u0000-\u0020\u007f]/g, "");
  const scheme = /^([^/?#]*):/.exec(bare);
  if (scheme === null) return bare;
  return ["http", "https", "mailto"].includes(scheme[1].toLowerCase()) ? bare : "#";
}

// Placeholders for pieces already rendered: a private-use character that the
// source cannot contain (renderMarkdown replaces it), then the index.
const MARK = "\uE000";
const MARK_RE = /\uE000(\d+)\uE001/g;

/** Inline Markdown of one paragraph's text to HTML. */
function inline(text) {
  const held = [];
  const hold = (html) => `${MARK}${held.push(html) - 1}\uE001`;
  let s = text;
  // Backslash escapes and code spans first, left to right (an escaped
  // backtick opens no span; nothing inside a span is Markdown).
  s = s.replace(/\\([!-/:-@[-`{-~])|(`+)([\s\S]*?[^`])\2(?!`)/g, (_, escaped, ticks, code) => {
    if (escaped !== undefined) return hold(escapeHTML(escaped));
    const body = /^ [\s\S]* $/.test(code) && code.trim() !== "" ? code.slice(1, -1) : code;
    return hold(`<code>${escapeHTML(body.replace(/\n/g, " "))}</code>`);
  });
  s = s.replace(/(!?)\[([^\]]*)\]\(\s*((?:[^\s()]|\([^\s()]*\))*)(?:\s+"([^"]*)")?\s*\)/g, (_, bang, label, url, title) => {
    const t = title === undefined ? "" : ` title="${escapeHTML(title)}"`;
    const href = escapeHTML(safeURL(url));
    if (bang) return hold(`<img src="${href}" alt="${escapeHTML(label)}"${t}>`);
    return hold(`<a href="${href}"${t}>${emphasis(escapeHTML(label))}</a>`);
  });
  s = emphasis(escapeHTML(s));
  s = s.replace(/(?: {2,}|\\)\n/g, "<br>\n");
  // Held pieces may hold others (a link label with a code span).
  for (let i = 0; i < 3 && s.includes(MARK); i++) s = s.replace(MARK_RE, (_, n) => held[Number(n)]);
  return s;
}

/** **strong**, __strong__, *em*, _em_ on already escaped text. */
function emphasis(s) {
  return s
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[^\w])__(?=\S)([\s\S]*?\S)__(?!\w)/g, "$1<strong>$2</strong>")
    .replace(/\*(?=[^\s*])([^*]*?[^\s*])\*/g, "<em>$1</em>")
    .replace(/\*(?=[^\s*])([^*])\*/g, "<em>$1</em>")
    .replace(/(^|[^\w])_(?=[^\s_])([^_]*?[^\s_]|[^\s_])_(?!\w)/g, "$1<em>$2</em>");
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([\w+#.-]*)/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?/;
const ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;

const blank = (line) => line.trim() === "";
const startsBlock = (line) => FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || ITEM.test(line);

/** The list starting at `lines[i]`: its HTML and the index after it. */
function list(lines, i) {
  const first = ITEM.exec(lines[i]);
  const ordered = /\d/.test(first[2]);
  const items = [];
  let tight = true;
  while (i < lines.length) {
    const m = ITEM.exec(lines[i]);
    if (m === null || /\d/.test(m[2]) !== ordered) break;
    const indent = m[0].length;
    const body = [lines[i].slice(indent)];
    i++;
    let sawBlank = false;
    while (i < lines.length) {
      const line = lines[i];
      if (blank(line)) {
        sawBlank = true;
        body.push("");
        i++;
        continue;
      }
      const lead = line.length - line.trimStart().length;
      if (lead >= indent) {
        if (sawBlank) tight = false;
        body.push(line.slice(indent));
        sawBlank = false;
        i++;
      } else if (!sawBlank && !startsBlock(line)) {
        body.push(line); // a lazy continuation of the item's paragraph
        i++;
      } else {
        break;
      }
    }
    while (body.length && blank(body.at(-1))) body.pop();
    items.push(body);
    if (sawBlank && i < lines.length && ITEM.test(lines[i])) tight = false;
  }
  const html = items.map((body) => {
    let inner = blocks(body);
    if (tight) inner = inner.replace(/^<p>([\s\S]*?)<\/p>/, "$1"); // a tight item's text is not a paragraph
    return `<li>${inner}</li>`;
  });
  const start = ordered ? parseInt(first[2], 10) : 1;
  const open = ordered ? (start === 1 ? "<ol>" : `<ol start="${start}">`) : "<ul>";
  return [`${open}\n${html.join("\n")}\n${ordered ? "</ol>" : "</ul>"}`, i];
}

/** Block-level Markdown of `lines` to HTML. */
function blocks(lines) {
  const out = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (blank(line)) {
      i++;
      continue;
    }
    let m;
    if ((m = FENCE.exec(line))) {
      const fence = m[1];
      const code = [];
      i++;
      while (i < lines.length && !new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).test(lines[i])) code.push(lines[i++]);
      i++; // the closing fence (or the end)
      const cls = m[2] ? ` class="language-${escapeHTML(m[2])}"` : "";
      out.push(`<pre><code${cls}>${escapeHTML(code.join("\n"))}${code.length ? "\n" : ""}</code></pre>`);
    } else if ((m = HEADING.exec(line))) {
      out.push(`<h${m[1].length}>${inline(m[2] ?? "")}</h${m[1].length}>`);
      i++;
    } else if (RULE.test(line)) {
      out.push("<hr>");
      i++;
    } else if (QUOTE.test(line)) {
      const quoted = [];
      while (i < lines.length && !blank(lines[i]) && (QUOTE.test(lines[i]) || !startsBlock(lines[i]))) {
        quoted.push(lines[i].replace(QUOTE, ""));
        i++;
      }
      out.push(`<blockquote>\n${blocks(quoted)}\n</blockquote>`);
    } else if (ITEM.test(line)) {
      const [html, next] = list(lines, i);
      out.push(html);
      i = next;
    } else {
      const para = [];
      while (i < lines.length && !blank(lines[i]) && (para.length === 0 || !startsBlock(lines[i]) || SETEXT.test(lines[i]))) {
        if (para.length && SETEXT.test(lines[i])) break;
        para.push(lines[i].replace(/^[ \t]+/, ""));
        i++;
      }
      const text = para.join("\n").replace(/[ \t]+$/, "");
      const underline = i < lines.length ? SETEXT.exec(lines[i]) : null;
      if (underline) {
        const level = underline[1][0] === "=" ? 1 : 2;
        out.push(`<h${level}>${inline(text)}</h${level}>`);
        i++;
      } else {
        out.push(`<p>${inline(text)}</p>`);
      }
    }
  }
  return out.join("\n");
}

/** Markdown source to an HTML fragment; all of the source's own HTML is escaped. */
export function renderMarkdown(source) {
  const text = String(source).replace(/\r\n?/g, "\n").replace(/[\uE000\uE001\u0000]/g, "\uFFFD");
  return blocks(text.split("\n"));
}
