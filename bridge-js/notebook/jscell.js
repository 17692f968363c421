// A `%% js` cell's source made into something the notebook can run:
//
// - its body runs as an async function (top-level `await` works, and so does
//   an explicit `return`);
// - when its last statement is an expression, that expression's value is the
//   cell's value (`x = 6 * 7\nx` gives 42): the source becomes
//   `… return (x\n);`;
// - its top-level `var`/`let`/`const`/`function`/`class` declarations land on
//   globalThis when it finishes (even by throwing, as a script's would), so a
//   later cell (JS, or Python with `from js import arr`) sees them.
//
// No JS parser is bundled: a small tokenizer (strings, templates, comments,
// regular expressions, brackets) finds where top-level statements may start,
// and the engine itself is the judge of which split is valid: the first
// start whose rest compiles as `return (rest)` is the last expression.
// Declarations are read from the tokens, and their values fetched after the
// run through a closure in the cell's own scope (`(name) => eval(name)`), so
// no declaration is rewritten: `const` stays const, functions stay hoisted.
// A name that turns out not to be declared there is simply skipped.

const AsyncFunction = (async () => {}).constructor;

const PUNCTUATORS = [
  ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
  "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=",
  "&=", "|=", "^=", "**", "<<", ">>",
];
const OPENERS = { "(": ")", "[": "]", "{": "}" };
const CLOSERS = new Set([")", "]", "}"]);
// After these words a `/` starts a regular expression, not a division.
const BEFORE_REGEX = new Set(["return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await"]);
// Statements that are not expressions, so never the cell's value.
const STATEMENT_WORDS = new Set([
  "if", "for", "while", "do", "switch", "try", "return", "throw", "break", "continue", "var", "let", "const",
  "function", "class", "export", "debugger", "with", "else", "catch", "finally", "case", "default",
]);
// A line starting with one of these continues the previous line's expression.
const CONTINUING = new Set([
  ".", "?.", "(", "[", "+", "-", "*", "/", "%", "**", "=", "==", "===", "!=", "!==", "<", ">", "<=", ">=",
  "&&", "||", "??", "?", ":", "&", "|", "^", "<<", ">>", ">>>", ",", "=>", "instanceof", "in",
]);

const isIdStart = (c) => /[A-Za-z_$#\\]/.test(c) || c > "\u007f";
const isIdPart = (c) => /[\w$\\]/.test(c) || c > "\u007f";
const isNewline = (c) => c === "\n" || c === "\r" || c === "\u2028" || c === "\u2029";

/**
 * The tokens of JS source: `{t, v, start, end, nl, depth, match}`; `t` is
 * "id", "num", "str", "tpl", "re" or "p" (punctuator), `nl` whether a line
 * break comes before it, `depth` the bracket depth outside it, `match` (on an
 * opening bracket) the index of its closing one. Unterminated strings and
 * comments end at the end of the source: the engine reports them later.
 */
export function tokenize(src) {
  const tokens = [];
  const stack = [];
  let i = 0;
  let nl = false;
  const push = (t, start) => {
    const v = src.slice(start, i);
    let depth = stack.length;
    if (t === "p" && CLOSERS.has(v)) {
      const open = stack.pop();
      if (open !== undefined) tokens[open].match = tokens.length;
      depth = stack.length;
    }
    tokens.push({ t, v, start, end: i, nl, depth });
    if (t === "p" && OPENERS[v]) stack.push(tokens.length - 1);
    nl = false;
  };
  while (i < src.length) {
    const c = src[i];
    if (isNewline(c)) {
      nl = true;
      i++;
    } else if (/\s/.test(c)) {
      i++;
    } else if (c === "/" && src[i + 1] === "/") {
      while (i < src.length && !isNewline(src[i])) i++;
    } else if (c === "/" && src[i + 1] === "*") {
      const close = src.indexOf("*/", i + 2);
      const end = close < 0 ? src.length : close + 2;
      if (/[\n\r\u2028\u2029]/.test(src.slice(i, end))) nl = true;
      i = end;
    } else if (c === '"' || c === "'") {
      const start = i++;
      while (i < src.length && src[i] !== c && !isNewline(src[i])) i += src[i] === "\\" ? 2 : 1;
      i = Math.min(i + 1, src.length);
      push("str", start);
    } else if (c === "`") {
      const start = i;
      i = skipTemplate(src, i);
      push("tpl", start);
    } else if (c === "/" && regexAllowed(tokens.at(-1))) {
      const start = i++;
      let inClass = false;
      while (i < src.length && !isNewline(src[i])) {
        const d = src[i];
        if (d === "\\") i++;
        else if (d === "[") inClass = true;
        else if (d === "]") inClass = false;
        else if (d === "/" && !inClass) break;
        i++;
      }
      i++;
      while (i < src.length && isIdPart(src[i])) i++;
      push("re", start);
    } else if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(src[i + 1] ?? ""))) {
      const start = i;
      while (i < src.length && /[\w.]/.test(src[i])) i++;
      push("num", start);
    } else if (isIdStart(c)) {
      const start = i++;
      while (i < src.length && isIdPart(src[i])) i++;
      push("id", start);
    } else {
      const start = i;
      const p = PUNCTUATORS.find((q) => src.startsWith(q, i));
      i += p ? p.length : 1;
      push("p", start);
    }
  }
  return tokens;
}

/** The index after the template literal starting at `i` (its `${…}` parts included). */
function skipTemplate(src, i) {
  i++;
  while (i < src.length) {
    const c = src[i];
    if (c === "\\") i += 2;
    else if (c === "`") return i + 1;
    else if (c === "$" && src[i + 1] === "{") i = skipCode(src, i + 2);
    else i++;
  }
  return i;
}

/** The index after the `}` closing code that starts at `i` (inside `${`). */
function skipCode(src, i) {
  let depth = 0;
  // Tokenize ahead: the first `}` at depth 0 of the rest ends the substitution.
  for (const tok of tokenize(src.slice(i))) {
    if (tok.v === "{" && tok.t === "p") depth++;
    else if (tok.v === "}" && tok.t === "p") {
      if (depth === 0) return i + tok.end;
      depth--;
    }
  }
  return src.length;
}

function regexAllowed(prev) {
  if (prev === undefined) return true;
  if (prev.t === "id") return BEFORE_REGEX.has(prev.v);
  if (prev.t !== "p") return false;
  return ![")", "]", "++", "--"].includes(prev.v);
}

/** Whether `tok`, first on its line, continues the expression that `prev` ended. */
function continues(prev, tok) {
  if (prev.t === "p" && ![")", "]", "}", "++", "--"].includes(prev.v)) return true;
  return CONTINUING.has(tok.v) || tok.t === "tpl";
}

/** Whether a top-level statement can start at token `i`. */
function startsStatement(tokens, i) {
  const tok = tokens[i];
  if (tok.depth !== 0) return false;
  if (i === 0) return true;
  const prev = tokens[i - 1];
  if (prev.v === ";" || prev.v === "}") return true;
  return tok.nl && !continues(prev, tok);
}

/** The index after an expression starting at `k`: at a `,` or `limit`. */
function skipExpression(tokens, k, limit) {
  while (k < limit && tokens[k].v !== ",") k = tokens[k].match !== undefined ? tokens[k].match + 1 : k + 1;
  return k;
}

/** Names bound by the binding (identifier or pattern) at `k`; the index after it. */
function binding(tokens, k, names) {
  const tok = tokens[k];
  if (tok === undefined) return k;
  if (tok.t === "id") {
    names.push(tok.v);
    return k + 1;
  }
  if ((tok.v !== "{" && tok.v !== "[") || tok.match === undefined) return k + 1;
  const close = tok.match;
  let j = k + 1;
  while (j < close) {
    const at = j;
    if (tokens[j].v === ",") {
      j++;
      continue;
    }
    if (tokens[j].v === "...") {
      j = binding(tokens, j + 1, names);
    } else if (tok.v === "[") {
      j = binding(tokens, j, names);
    } else {
      const key = tokens[j];
      j = key.v === "[" && key.match !== undefined ? key.match + 1 : j + 1;
      if (tokens[j]?.v === ":") j = binding(tokens, j + 1, names);
      else if (key.t === "id") names.push(key.v);
    }
    if (tokens[j]?.v === "=") j = skipExpression(tokens, j + 1, close);
    if (j === at) j++;
  }
  return close + 1;
}

/** Names declared by the `var`/`let`/`const` declarator list starting at `k`. */
function declarators(tokens, k, names) {
  for (;;) {
    k = binding(tokens, k, names);
    if (tokens[k]?.v === "=") {
      const first = ++k;
      while (k < tokens.length) {
        const tok = tokens[k];
        if (tok.v === "," || tok.v === ";" || CLOSERS.has(tok.v)) break;
        if (k > first && tok.nl && !continues(tokens[k - 1], tok)) break;
        k = tok.match !== undefined ? tok.match + 1 : k + 1;
      }
    }
    if (tokens[k]?.v !== ",") return;
    k++;
  }
}

/** The names a cell's top-level declarations bind, in order, each once. */
export function declaredNames(source) {
  const tokens = tokenize(source);
  const names = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok.t !== "id" || !startsStatement(tokens, i)) continue;
    const next = tokens[i + 1];
    if (["var", "let", "const"].includes(tok.v) && next && (next.t === "id" || next.v === "{" || next.v === "[")) {
      declarators(tokens, i + 1, names);
    } else if (tok.v === "function" || (tok.v === "async" && next?.v === "function" && !next.nl)) {
      let j = tok.v === "async" ? i + 2 : i + 1;
      if (tokens[j]?.v === "*") j++;
      if (tokens[j]?.t === "id") names.push(tokens[j].v);
    } else if (tok.v === "class" && next?.t === "id") {
      names.push(next.v);
    }
  }
  return [...new Set(names)];
}

/** Whether `body` compiles as an async function body. */
function compiles(body) {
  try {
    new AsyncFunction(body);
    return true;
  } catch {
    return false;
  }
}

/** Whether the statement at token `i` can be an expression statement. */
function maybeExpression(tokens, i) {
  const tok = tokens[i];
  if (tok.v === "{" || tok.v === ";") return false;
  if (tok.t !== "id") return true;
  const next = tokens[i + 1];
  if (tok.v === "import") return next?.v === "(" || next?.v === ".";
  if (tok.v === "let") return !(next && (next.t === "id" || next.v === "{" || next.v === "["));
  if (tok.v === "async") return !(next?.v === "function" && !next.nl);
  return !STATEMENT_WORDS.has(tok.v);
}

/**
 * The cell's source with its last expression statement returned: the first
 * top-level statement start from which the rest of the cell compiles as
 * `return (rest)`. The source unchanged when there is none (the last
 * statement is a declaration, a loop, an explicit return; or the cell has a
 * syntax error, which running it then reports).
 */
export function returnLastExpression(source) {
  return lastExpression(source).body;
}

/** returnLastExpression's body, and where `return (` went in (a source index, or -1). */
function lastExpression(source) {
  const tokens = tokenize(source);
  if (tokens.length === 0) return { body: source, at: -1 };
  const last = tokens.at(-1);
  const end = last.v === ";" && last.depth === 0 ? last.start : last.end;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].start >= end) break;
    if (!startsStatement(tokens, i) && !(tokens[i].depth === 0 && tokens[i].nl)) continue;
    if (!maybeExpression(tokens, i)) continue;
    const start = tokens[i].start;
    const body = `${source.slice(0, start)}${RETURN}${source.slice(start, end)}\n);${source.slice(end)}`;
    if (compiles(body)) return { body, at: start };
  }
  return { body: source, at: -1 };
}

const RETURN = "return (";

/**
 * The cell as an async function body, the top-level names it declares, and
 * where `return (` was put in: `{line, column}` (1-based) or null.
 */
export function transformJsCell(source) {
  const { body, at } = lastExpression(source);
  let returnAt = null;
  if (at >= 0) {
    const before = source.slice(0, at).split("\n");
    returnAt = { line: before.length, column: before.at(-1).length + 1 };
  }
  return { body, names: declaredNames(source), returnAt };
}

/**
 * Compile a JS cell: `run(scope)` runs it with each of `scopeNames` bound to
 * `scope[name]` (a cell may shadow them), resolves to the cell's value, and
 * afterwards puts its top-level declarations on globalThis. A syntax error
 * throws here.
 */
export function compileJsCell(source, scopeNames = []) {
  const { body, names, returnAt } = transformJsCell(source);
  for (const n of scopeNames) {
    if (!/^[A-Za-z_$][\w$]*$/.test(n)) throw new TypeError(`compileJsCell: bad scope name ${JSON.stringify(n)}`);
  }
  // Two lines of wrapper (see WRAPPER_LINES) before the cell's first line.
  const outer = new Function(
    "__cell__",
    `const { ${scopeNames.join(", ")} } = __cell__.scope;\nreturn (async function () { __cell__.lookup = (name) => eval(name);\n${body}\n})();`,
  );
  // The engine may parse the inner function lazily: compile it on its own too,
  // so a syntax error in the cell is thrown here rather than when it runs.
  new AsyncFunction(body);
  const run = async (scope = {}) => {
    const cell = { scope, lookup: null };
    try {
      return await outer(cell);
    } finally {
      publish(cell.lookup, names);
    }
  };
  const lines = body.split("\n").length;
  /** An error's stack as the cell's lines (`at f (cell line 2:5)`), without the wrapper's frames and the notebook's. */
  run.tidyStack = (stack) => tidyStack(stack, lines, returnAt);
  return run;
}

// `new Function` puts "function anonymous(__cell__\n) {" before the body, and
// compileJsCell two lines of its own.
const WRAPPER_LINES = 4;
const CELL_FRAME = /\(?eval at compileJsCell \([^()]*(?:\([^()]*\)[^()]*)*\), <anonymous>:(\d+):(\d+)\)?/;

function tidyStack(stack, lines, returnAt) {
  const out = [];
  for (const line of String(stack).split("\n")) {
    if (!/^\s+at /.test(line)) {
      out.push(line); // the message (maybe several lines)
      continue;
    }
    const m = CELL_FRAME.exec(line);
    if (m) {
      const n = Number(m[1]) - WRAPPER_LINES;
      let column = Number(m[2]);
      if (returnAt && n === returnAt.line && column > returnAt.column) column -= RETURN.length;
      if (n < 1 || n > lines) continue; // the wrapper's own lines
      const where = `cell line ${n}:${column}`;
      out.push(/^\s+at eval \(/.test(line) ? line.replace(/at eval .*/, `at ${where}`) : line.replace(CELL_FRAME, `(${where})`));
    } else if (/\/notebook\/\w+\.js/.test(line)) {
      break; // the notebook calling the cell
    } else {
      out.push(line); // code the cell called (the bridge, a library)
    }
  }
  return out.join("\n");
}

/** Copy each declared name's value from the cell's scope to globalThis. */
function publish(lookup, names) {
  if (lookup === null) return;
  for (const name of names) {
    let value;
    try {
      value = lookup(name);
    } catch {
      continue; // not declared after all, or not reached (let/const before its line)
    }
    try {
      globalThis[name] = value;
    } catch {
      // a read-only global (e.g. `let undefined`): leave it
    }
  }
}
