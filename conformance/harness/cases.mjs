// Discovers and parses conformance case files (conformance/cases/*.py|*.js|*.lua).
//
// Header format: the leading comment lines of the file (`#` for .py, `//` for
// .js). Directives, one per line:
//   expect: <value>               the result, in the expectation grammar of values.mjs
//                                 (JSON + 12n BigInts, undefined, NaN, Infinity, -0)
//   expect-error: <Name> [<Type>] the case must throw; Name is the JS error name
//                                 (e.g. PythonError, TypeError) and Type the Python
//                                 class name (PythonError.type). `expect-error: any`
//                                 accepts any thrown value. Name PythonError also
//                                 requires `instanceof PythonError`.
//   expect-message: <text>        (repeatable) the error message must contain text
//   expect-stdout: <text>         (repeatable) captured stdout must contain text
//   expect-stderr: <text>         (repeatable) captured stderr must contain text
//   hosts: node[, chromium]       run only on these hosts (default: all)
//   timeout: <ms>                 per-case timeout (default from the runner)
//   leaks-ok: <reason>            opt out of the after-case baseline check of the
//                                 handle tables (the reason is required)
// Other header comment lines are the case's description.
import fs from "node:fs";
import path from "node:path";
import { parseExpected, encode } from "./values.mjs";

export const HOSTS = ["node", "chromium"];
const KNOWN = new Set([
  "expect",
  "expect-error",
  "expect-message",
  "expect-stdout",
  "expect-stderr",
  "hosts",
  "timeout",
  "leaks-ok",
]);

export class CaseFormatError extends Error {
  constructor(file, message) {
    super(`${file}: ${message}`);
    this.name = "CaseFormatError";
  }
}

export function parseCase(file, source) {
  const ext = path.extname(file);
  const kind = ext === ".py" ? "py" : ext === ".js" ? "js" : ext === ".lua" ? "lua" : null;
  if (!kind) throw new CaseFormatError(file, "case files must end in .py, .js or .lua");
  const prefix = { py: "#", js: "//", lua: "--" }[kind];
  const c = {
    name: path.basename(file, ext),
    file,
    kind,
    source,
    description: [],
    messages: [],
    stdout: [],
    stderr: [],
    hosts: [...HOSTS],
    timeout: undefined,
    leaksOk: undefined, // the reason given by `leaks-ok:`
    expect: undefined, // {value: encoded} | {error: {name, type}}
  };
  for (const raw of source.split("\n")) {
    const line = raw.trim();
    if (line === "") continue;
    if (!line.startsWith(prefix)) break;
    const body = line.slice(prefix.length).trim();
    const m = /^([a-z][a-z-]*):(.*)$/.exec(body);
    if (!m || (!KNOWN.has(m[1]) && !m[1].startsWith("expect"))) {
      if (body) c.description.push(body);
      continue;
    }
    const [, key, rest] = m;
    const value = rest.trim();
    switch (key) {
      case "expect":
        if (c.expect) throw new CaseFormatError(file, "more than one expect/expect-error line");
        try {
          c.expect = { value: encode(parseExpected(value)) };
        } catch (e) {
          throw new CaseFormatError(file, e.message);
        }
        break;
      case "expect-error": {
        if (c.expect) throw new CaseFormatError(file, "more than one expect/expect-error line");
        const parts = value.split(/\s+/).filter(Boolean);
        if (parts.length < 1 || parts.length > 2) {
          throw new CaseFormatError(file, "expect-error wants `<Name> [<PythonType>]` or `any`");
        }
        c.expect = { error: { name: parts[0], type: parts[1] } };
        break;
      }
      case "expect-message":
        c.messages.push(value);
        break;
      case "expect-stdout":
        c.stdout.push(value);
        break;
      case "expect-stderr":
        c.stderr.push(value);
        break;
      case "hosts": {
        const hosts = value.split(/[\s,]+/).filter(Boolean);
        for (const h of hosts) {
          if (!HOSTS.includes(h)) throw new CaseFormatError(file, `unknown host ${h}`);
        }
        c.hosts = hosts;
        break;
      }
      case "timeout":
        c.timeout = Number(value);
        if (!(c.timeout > 0)) throw new CaseFormatError(file, "timeout must be a positive number of ms");
        break;
      case "leaks-ok":
        if (!value) throw new CaseFormatError(file, "leaks-ok wants a reason: `leaks-ok: <why this case may leak>`");
        c.leaksOk = value;
        break;
      default:
        throw new CaseFormatError(file, `unknown directive ${key}:`);
    }
  }
  if (!c.expect) throw new CaseFormatError(file, "no `expect:` or `expect-error:` line in the header");
  if (c.messages.length && !c.expect.error) {
    throw new CaseFormatError(file, "expect-message needs expect-error");
  }
  c.description = c.description.join(" ");
  return c;
}

/** All cases in `dir`, sorted by file name. Format errors are returned, not thrown. */
export function loadCases(dir) {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".py") || f.endsWith(".js") || f.endsWith(".lua"))
    .sort();
  const cases = [];
  const errors = [];
  for (const f of files) {
    try {
      cases.push(parseCase(f, fs.readFileSync(path.join(dir, f), "utf8")));
    } catch (e) {
      errors.push(e);
    }
  }
  return { cases, errors };
}
