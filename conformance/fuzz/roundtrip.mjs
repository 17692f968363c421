// Differential round-trip fuzzing across the boundary, seeded and
// reproducible (issue 12 item 2). Random JS graphs go JS → Python → JS
// (py.toPy, then toJs), random Python graphs Python → JS → Python (to_js,
// then to_py); each result must equal its input under the rules of
// docs/conversions.md, and the handle tables must be back to their baseline
// after every iteration.
//
//   node --expose-gc conformance/fuzz/roundtrip.mjs [--seed N] [--iterations N]
//        [--max-depth D] [--host node|chromium] [--iteration I] [--strict]
//        [--direction both|js|py]
//
// The seed defaults to one derived from the time, and is printed. A failure
// prints the seed, the iteration, the minimized input (a JS or Python
// literal that reproduces it) and the first difference; the exit code is
// then 1. `--iteration I` runs iteration I of the seed alone.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runFuzz, summary, outcomeLines } from "./fuzz.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PACKAGE_INDEX = path.resolve(HERE, "../../bridge-js/package/index.js");

function parseArgs(argv) {
  const o = { iterations: 200, maxDepth: 4, host: "node", strict: false, directions: "both" };
  const num = (name, v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} needs a non-negative integer, got ${v}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--seed") o.seed = num(a, next()) >>> 0;
    else if (a === "--iterations") o.iterations = num(a, next());
    else if (a === "--max-depth") o.maxDepth = num(a, next());
    else if (a === "--iteration") o.iteration = num(a, next());
    else if (a === "--host") o.host = next();
    else if (a === "--direction") o.directions = next();
    else if (a === "--strict") o.strict = true;
    else if (a === "--help" || a === "-h") o.help = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!["node", "chromium"].includes(o.host)) throw new Error(`--host is node or chromium, got ${o.host}`);
  if (!["both", "js", "py"].includes(o.directions)) throw new Error(`--direction is both, js or py, got ${o.directions}`);
  o.seed ??= (Date.now() ^ (process.pid << 16)) >>> 0;
  return o;
}

async function runNode(o, pySource) {
  if (typeof globalThis.gc !== "function") {
    console.error("roundtrip fuzz: run node with --expose-gc (the leak check needs a full GC)");
    process.exit(2);
  }
  const { loadPython } = await import(PACKAGE_INDEX);
  const py = await loadPython({ stdout: (t) => console.log(`[py] ${t}`), stderr: (t) => console.error(`[py] ${t}`) });
  return runFuzz({ ...o, py, pySource, collectJs: async () => globalThis.gc(), log: (l) => console.log(l) });
}

async function main() {
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`roundtrip fuzz: ${e.message}`);
    process.exit(2);
  }
  if (o.help) {
    console.log(fs.readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n").filter((l) => l.startsWith("//")).map((l) => l.slice(3)).join("\n"));
    return;
  }
  console.log(`roundtrip fuzz: seed ${o.seed}, ${o.iteration !== undefined ? `iteration ${o.iteration}` : `${o.iterations} iterations`}, max depth ${o.maxDepth}, host ${o.host}${o.strict ? ", strict" : ""}`);
  const pySource = fs.readFileSync(path.join(HERE, "py_equal.py"), "utf8");
  const t0 = performance.now();
  const r = o.host === "node" ? await runNode(o, pySource) : await (await import("./chromium.mjs")).runChromium(o, pySource, (l) => console.log(l));
  if (o.iteration === undefined) console.log(["outcomes:", ...outcomeLines(r)].join("\n"));
  console.log(`${summary(r)}, host ${o.host} [${((performance.now() - t0) / 1000).toFixed(1)} s]`);
  process.exitCode = r.failures.length ? 1 : 0;
}

await main();
