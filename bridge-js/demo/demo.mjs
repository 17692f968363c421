#!/usr/bin/env node
// The seed scenarios of the bridge, run live in Node (`cargo xtask demo`).
// Every result printed here is computed now by the runtime in
// bridge-js/package; nothing is canned.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PACKAGE = path.resolve(HERE, "../package/index.js");
const WASM = path.resolve(HERE, "../package/dist/bridge_js_bg.wasm");

if (!fs.existsSync(PACKAGE) || !fs.existsSync(WASM)) {
  console.error(`demo: the runtime is not built (${path.relative(process.cwd(), WASM)} missing): run \`cargo xtask build\` first`);
  process.exit(1);
}

const { loadPython } = await import(pathToFileURL(PACKAGE).href);

function show(v) {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "bigint") return `${v}n`;
  if (v === undefined) return "undefined";
  if (typeof v === "object" && v !== null && !Array.isArray(v)) return `${String(v)} (${typeof v})`;
  return String(v);
}

function indent(code) {
  return code
    .trim()
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n");
}

let step = 0;
let failures = 0;
async function scenario(title, code, run) {
  step++;
  console.log(`\n${step}. ${title}`);
  console.log(indent(code));
  try {
    const result = await run();
    console.log(`  => ${result}`);
  } catch (e) {
    failures++;
    console.log(`  !! FAILED: ${e && e.name}${e && e.type ? ` (${e.type})` : ""}: ${e && e.message}`);
  }
}

const t0 = performance.now();
const py = await loadPython({
  stdout: (t) => console.log(`  [python stdout] ${t}`),
  stderr: (t) => console.log(`  [python stderr] ${t}`),
});
console.log(`Python runtime loaded in ${(performance.now() - t0).toFixed(0)} ms (${py.runPython("import sys; sys.version.split()[0]")} on ${py.runPython("sys.platform")})`);

await scenario(
  "A Python class read from JS",
  `
py.runPython("class Foo:\\n    def __init__(self, val): self.val = val\\nfoo = Foo(42)")
py.pyimport("__main__").foo.val      // and py.globals.get("foo").val`,
  () => {
    py.runPython("class Foo:\n    def __init__(self, val):\n        self.val = val\nfoo = Foo(42)");
    const a = py.pyimport("__main__").foo.val;
    const b = py.globals.get("foo").val;
    return `${show(a)} (pyimport("__main__").foo.val), ${show(b)} (globals.get("foo").val)`;
  },
);

await scenario("A JS builtin called from Python", `py.runPython("from js import Math; Math.max(1, 5, 3)")`, () =>
  show(py.runPython("from js import Math; Math.max(1, 5, 3)")),
);

await scenario(
  "A JS function called from Python",
  `
globalThis.greet = (name, n) => \`hello \${name} x\${n} from JS\`;
py.runPython("from js import greet; greet('Python', 3)")`,
  () => {
    globalThis.greet = (name, n) => `hello ${name} x${n} from JS`;
    return show(py.runPython("from js import greet; greet('Python', 3)"));
  },
);

await scenario(
  "A Python function called from JS",
  `
py.runPython("def fib(n):\\n    a, b = 0, 1\\n    for _ in range(n): a, b = b, a + b\\n    return a")
py.globals.get("fib")(90)      // beyond 2**53: arrives as a BigInt`,
  () => {
    py.runPython("def fib(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a");
    const fib = py.globals.get("fib");
    return `fib(10) = ${show(fib(10))}, fib(90) = ${show(fib(90))}`;
  },
);

await scenario(
  "A JS exception caught in Python",
  `
globalThis.failing = () => { throw new TypeError("boom from JS"); };
py.runPython(\`
from js import failing
try:
    failing()
except Exception as e:
    caught = f"{type(e).__name__}: name={e.name!r} message={e.message!r}"
caught\`)`,
  () => {
    globalThis.failing = () => {
      throw new TypeError("boom from JS");
    };
    return show(
      py.runPython(
        'from js import failing\ntry:\n    failing()\n    caught = "nothing raised"\nexcept Exception as e:\n    caught = f"{type(e).__name__}: name={e.name!r} message={e.message!r}"\ncaught',
      ),
    );
  },
);

await scenario(
  "A Python exception caught in JS",
  `
try {
  py.runPython("def check(x):\\n    raise ValueError(f'bad value: {x}')\\ncheck(17)");
} catch (e) { /* e is a PythonError */ }`,
  () => {
    try {
      py.runPython("def check(x):\n    raise ValueError(f'bad value: {x}')\ncheck(17)");
      throw new Error("no exception was raised");
    } catch (e) {
      if (e.name !== "PythonError") throw e;
      const lines = e.message.trimEnd().split("\n");
      return `${e.name}, type ${show(e.type)}, traceback of ${lines.length} lines ending in: ${lines[lines.length - 1]}`;
    }
  },
);

if (failures) {
  console.log(`\ndemo: ${failures} scenario(s) failed`);
  process.exit(1);
}
