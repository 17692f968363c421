// What a cell's value looks like: a DOM node to append, HTML for a sandboxed
// frame, text, or nothing. No DOM is built here (render.js does that), so the
// rules are testable in Node.
//
// - undefined (a statement, or Python's None): nothing;
// - a DOM Node (a canvas, an element made in the cell, from JS or Python): the node itself;
// - a PyProxy whose object has `_repr_html_`: its HTML, shown in a sandboxed frame;
// - any other PyProxy: its repr; from a JS cell with its type too
//   (`PyProxy <class '__main__.Foo'>: Foo(42)`), since there it is a proxy;
// - any other value of a Python cell: Python's repr of it (a JS object
//   arrives back in Python as a JsProxy and shows as that repr);
// - any other value of a JS cell: a short JS rendering (strings quoted,
//   arrays and plain objects as JSON, functions by name).

/**
 * @param {*} value the cell's value
 * @param {"py" | "js"} kind the cell's kind
 * @param {{isPyProxy: (v: *) => boolean, repr: (v: *) => string, typeRepr: (v: *) => string, htmlOf: (v: *) => string | undefined}} python
 *   Python's view of values (runner.js makes it from the runtime)
 * @returns {{node: *} | {html: string} | {text: string} | null}
 */
export function toDisplay(value, kind, python) {
  if (value === undefined) return null;
  if (typeof Node !== "undefined" && value instanceof Node) return { node: value };
  if (python.isPyProxy(value)) {
    const html = python.htmlOf(value);
    if (typeof html === "string") return { html };
    const repr = python.repr(value);
    return { text: kind === "js" ? `PyProxy ${python.typeRepr(value)}: ${repr}` : repr };
  }
  if (kind === "py") return { text: python.repr(value) };
  return { text: jsText(value) };
}

/** A JS value as a line of text, the way a console would show it. */
export function jsText(value) {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "bigint":
      return `${value}n`;
    case "function":
      return /^class\b/.test(Function.prototype.toString.call(value))
        ? `[class ${value.name || "(anonymous)"}]`
        : `[Function: ${value.name || "(anonymous)"}]`;
    case "object":
      return value === null ? "null" : objectText(value);
    default:
      return String(value); // boolean, symbol
  }
}

function objectText(value) {
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  if (value instanceof Map) return `Map(${value.size}) ${json([...value])}`;
  if (value instanceof Set) return `Set(${value.size}) ${json([...value])}`;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof RegExp) return String(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return `${value.constructor.name}(${value.length}) ${json([...value])}`;
  const text = json(value);
  if (text === undefined) return Object.prototype.toString.call(value);
  const proto = Object.getPrototypeOf(value);
  const plain = Array.isArray(value) || proto === null || proto === Object.prototype;
  return plain ? text : `${value.constructor?.name ?? "Object"} ${text}`;
}

/** JSON on one line when short, indented when long; undefined when not JSON-able (a cycle). */
function json(value) {
  const replacer = (_, v) => (typeof v === "bigint" ? `${v}n` : v);
  let text;
  try {
    text = JSON.stringify(value, replacer);
  } catch {
    return undefined;
  }
  if (text === undefined || text.length <= 100) return text;
  return JSON.stringify(value, replacer, 2);
}
