// The notebook as plain text: each cell is a header line `%% py`, `%% js` or
// `%% md` and the lines of its source after it.
//
//   %% md
//   # A title
//
//   %% py
//   x = 6 * 7
//
//   %% js
//   pyodide.globals.get("x")
//
// Serializing puts a blank line after each cell; parsing drops one blank line
// at the end of each cell (none needs to be there), so serialize → parse gives
// the cells back exactly. A source line that would read as a header is
// written with a backslash in front (`\%% py`), and one more backslash on a
// line that already starts with backslashes and `%%`, so any text survives.
// Text before the first header is a Python cell. `%% python`,
// `%% javascript` and `%% markdown` are read too.

export const KINDS = ["py", "js", "md"];

const ALIASES = { py: "py", python: "py", js: "js", javascript: "js", md: "md", markdown: "md" };
const HEADER = /^%%[ \t]*([A-Za-z]+)[ \t]*$/;
const ESCAPED = /^(\\*)%%[ \t]*([A-Za-z]+)[ \t]*$/;

/** The kind a header line names, or undefined when `line` is not a header. */
function headerKind(line) {
  const m = HEADER.exec(line);
  return m ? ALIASES[m[1].toLowerCase()] : undefined;
}

/** Whether `line`, with its leading backslashes removed, would be a header. */
function needsEscape(line) {
  const m = ESCAPED.exec(line);
  return m !== null && ALIASES[m[2].toLowerCase()] !== undefined;
}

/** Cells `[{kind, source}]` as `%%` text. */
export function serializeText(cells) {
  return cells
    .map(({ kind, source }) => {
      if (!KINDS.includes(kind)) throw new TypeError(`serializeText: unknown cell kind ${JSON.stringify(kind)}`);
      const body = source.split("\n").map((line) => (needsEscape(line) ? "\\" + line : line));
      return `%% ${kind}\n${body.join("\n")}\n`;
    })
    .join("\n");
}

/** `%%` text as cells `[{kind, source}]`. */
export function parseText(text) {
  const lines = String(text).replace(/\r\n?/g, "\n").split("\n");
  const cells = [];
  let current = null;
  for (const line of lines) {
    const kind = headerKind(line);
    if (kind !== undefined) {
      current = { kind, lines: [] };
      cells.push(current);
      continue;
    }
    if (current === null) {
      if (line.trim() === "") continue; // blank lines before the first header
      current = { kind: "py", lines: [] };
      cells.push(current);
    }
    current.lines.push(needsEscape(line) ? line.slice(1) : line);
  }
  return cells.map(({ kind, lines: body }) => {
    if (body.length && body.at(-1) === "") body.pop(); // the blank line after each cell
    return { kind, source: body.join("\n") };
  });
}
