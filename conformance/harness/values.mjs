// Value encoding shared by both hosts (Node worker and Chromium page) and the
// runner. A case's result is encoded into plain JSON-safe data so that it can
// cross postMessage / page.evaluate unchanged and be compared exactly:
// BigInt vs number, -0 vs 0, NaN, undefined vs null and lone surrogates all
// stay distinguishable.
//
// Encoded forms:
//   null, true/false, finite numbers (not -0), strings without lone surrogates
//   {$t:"undefined"} {$t:"num", v:"NaN"|"Infinity"|"-Infinity"|"-0"}
//   {$t:"bigint", v:"-123"} {$t:"str16", v:[code units]} (strings with lone surrogates)
//   {$t:"array", v:[...]} {$t:"object", v:{key: enc}}
//   {$t:"opaque", kind:"function"|"object", desc:"..."}  anything else (PyProxy, class instances)

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function safeDescribe(v) {
  let text;
  try {
    text = String(v);
  } catch (e) {
    text = `<String() threw ${e && e.name}>`;
  }
  if (text.length > 200) text = text.slice(0, 200) + "…";
  return text;
}

function isPlainObject(v) {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Encode any JS value into JSON-safe data (see the header). */
export function encode(v, depth = 0) {
  if (depth > 20) return { $t: "opaque", kind: "object", desc: "<too deep>" };
  switch (typeof v) {
    case "undefined":
      return { $t: "undefined" };
    case "boolean":
      return v;
    case "number":
      if (Number.isNaN(v)) return { $t: "num", v: "NaN" };
      if (v === Infinity) return { $t: "num", v: "Infinity" };
      if (v === -Infinity) return { $t: "num", v: "-Infinity" };
      if (Object.is(v, -0)) return { $t: "num", v: "-0" };
      return v;
    case "bigint":
      return { $t: "bigint", v: v.toString() };
    case "string":
      if (LONE_SURROGATE.test(v)) {
        const units = [];
        for (let i = 0; i < v.length; i++) units.push(v.charCodeAt(i));
        return { $t: "str16", v: units };
      }
      return v;
    case "function":
      return { $t: "opaque", kind: "function", desc: safeDescribe(v) };
    case "symbol":
      return { $t: "opaque", kind: "symbol", desc: safeDescribe(v) };
    default:
      break;
  }
  if (v === null) return null;
  // PyProxy objects are ES Proxies over arbitrary targets: never walk them.
  if (Array.isArray(v) && Object.getPrototypeOf(v) === Array.prototype) {
    return { $t: "array", v: v.map((x) => encode(x, depth + 1)) };
  }
  if (isPlainObject(v)) {
    const out = {};
    for (const k of Object.keys(v)) out[k] = encode(v[k], depth + 1);
    return { $t: "object", v: out };
  }
  return { $t: "opaque", kind: "object", desc: safeDescribe(v) };
}

/** Human-readable rendering of an encoded value (for reports). */
export function show(e) {
  if (e === null || typeof e === "boolean" || typeof e === "number") return String(e);
  if (typeof e === "string") return JSON.stringify(e);
  switch (e.$t) {
    case "undefined":
      return "undefined";
    case "num":
      return e.v;
    case "bigint":
      return `${e.v}n`;
    case "str16":
      return `str16(${e.v.map((u) => u.toString(16).padStart(4, "0")).join(" ")})`;
    case "array":
      return `[${e.v.map(show).join(", ")}]`;
    case "object":
      return `{${Object.entries(e.v)
        .map(([k, x]) => `${JSON.stringify(k)}: ${show(x)}`)
        .join(", ")}}`;
    case "opaque":
      return `<${e.kind}: ${e.desc}>`;
    default:
      return JSON.stringify(e);
  }
}

/** Exact structural equality of two encoded values. */
export function sameEncoded(a, b) {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(e) {
  if (e === null || typeof e !== "object") return e;
  if (Array.isArray(e)) return e.map(canonical);
  const out = {};
  for (const k of Object.keys(e).sort()) out[k] = canonical(e[k]);
  return out;
}

// ---------------------------------------------------------------------------
// Expectation grammar: JSON plus BigInt literals (`123n`, `-5n`), `undefined`,
// `NaN`, `Infinity`, `-Infinity`, `-0`. Strings are JSON strings (use \uXXXX
// escapes for surrogates). Parsed into a real JS value, then encoded.

export class ExpectSyntaxError extends Error {
  constructor(message) {
    super(message);
    this.name = "ExpectSyntaxError";
  }
}

export function parseExpected(text) {
  let i = 0;
  const src = text.trim();
  const fail = (msg) => {
    throw new ExpectSyntaxError(`${msg} at offset ${i} in expectation ${JSON.stringify(src)}`);
  };
  const ws = () => {
    while (i < src.length && /\s/.test(src[i])) i++;
  };
  const value = () => {
    ws();
    const c = src[i];
    if (c === "[") {
      i++;
      const arr = [];
      ws();
      if (src[i] === "]") {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value());
        ws();
        if (src[i] === ",") i++;
        else if (src[i] === "]") {
          i++;
          return arr;
        } else fail("expected , or ]");
      }
    }
    if (c === "{") {
      i++;
      const obj = {};
      ws();
      if (src[i] === "}") {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (src[i] !== '"') fail("expected a string key");
        const k = string();
        ws();
        if (src[i] !== ":") fail("expected :");
        i++;
        obj[k] = value();
        ws();
        if (src[i] === ",") i++;
        else if (src[i] === "}") {
          i++;
          return obj;
        } else fail("expected , or }");
      }
    }
    if (c === '"') return string();
    for (const [word, val] of [
      ["undefined", undefined],
      ["null", null],
      ["true", true],
      ["false", false],
      ["NaN", NaN],
      ["Infinity", Infinity],
      ["-Infinity", -Infinity],
    ]) {
      if (src.startsWith(word, i) && !/[\w$]/.test(src[i + word.length] ?? "")) {
        i += word.length;
        return val;
      }
    }
    const m = /^-?(?:0|[1-9]\d*)(n|(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(src.slice(i));
    if (!m) fail("unexpected token");
    i += m[0].length;
    if (m[1] === "n") return BigInt(m[0].slice(0, -1));
    return Number(m[0]);
  };
  const string = () => {
    const start = i;
    i++;
    while (i < src.length && src[i] !== '"') {
      if (src[i] === "\\") i++;
      i++;
    }
    if (i >= src.length) fail("unterminated string");
    i++;
    try {
      return JSON.parse(src.slice(start, i));
    } catch (e) {
      fail(`bad string: ${e.message}`);
    }
  };
  const v = value();
  ws();
  if (i !== src.length) fail("trailing text");
  return v;
}
