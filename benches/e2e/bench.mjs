#!/usr/bin/env node
// End-to-end benchmark: the same operations on our runtime and on Pyodide
// (npm pyodide@314.0.7), side by side in ONE Node process run.
//
//   node benches/e2e/bench.mjs [--n 100000] [--reps 5] [--startup-runs 5] [--only ours|pyodide]
//
// Pyodide is installed by this script (`npm ci` in benches/e2e, pinned by
// package.json + package-lock.json) when missing; afterwards it runs offline.
// Every figure is measured here and now: a warm-up run, then the median of
// --reps runs, the two runtimes' runs interleaved so noise hits both alike. Rates include the loop around the operation (a Python `for`
// loop or a JS `for` loop), identical for both runtimes; the "empty Python
// loop" row shows that overhead.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../..");
const PYODIDE_VERSION = "314.0.7";
const PYODIDE_DIR = path.join(HERE, "node_modules/pyodide");
const OUR_PACKAGE = path.join(ROOT, "bridge-js/package/index.js");
const OUR_DIST = path.join(ROOT, "bridge-js/package/dist");

function parseArgs(argv) {
  const o = { n: 100_000, reps: 5, startupRuns: 5, only: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) die(`${a} needs a value`);
      return v;
    };
    if (a === "--n") o.n = Number(next());
    else if (a === "--reps") o.reps = Number(next());
    else if (a === "--startup-runs") o.startupRuns = Number(next());
    else if (a === "--only") o.only = next();
    else if (a === "-h" || a === "--help") {
      console.log("usage: node benches/e2e/bench.mjs [--n N] [--reps R] [--startup-runs S] [--only ours|pyodide]");
      process.exit(0);
    } else die(`unknown argument ${a}`);
  }
  for (const k of ["n", "reps", "startupRuns"]) {
    if (!Number.isInteger(o[k]) || o[k] < 1) die(`--${k} must be a positive integer`);
  }
  if (o.only && !["ours", "pyodide"].includes(o.only)) die("--only takes ours or pyodide");
  return o;
}

function die(msg) {
  console.error(`bench: ${msg}`);
  process.exit(2);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ---------------------------------------------------------------- runtimes

function ensurePyodide() {
  const pkg = path.join(PYODIDE_DIR, "package.json");
  const have = fs.existsSync(pkg) ? JSON.parse(fs.readFileSync(pkg, "utf8")).version : null;
  if (have === PYODIDE_VERSION && fs.existsSync(path.join(PYODIDE_DIR, "pyodide.asm.wasm"))) return;
  console.log(`installing pyodide@${PYODIDE_VERSION} into ${path.relative(ROOT, HERE)}/node_modules (npm ci) ...`);
  execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: HERE, stdio: "inherit" });
  const after = JSON.parse(fs.readFileSync(pkg, "utf8")).version;
  if (after !== PYODIDE_VERSION) throw new Error(`npm installed pyodide ${after}, wanted ${PYODIDE_VERSION}`);
}

const quiet = () => {};

function jsFilesIn(dir) {
  if (!fs.existsSync(dir)) return [path.join(dir, "(missing)")];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".js") || f.endsWith(".mjs"))
    .sort()
    .map((f) => path.join(dir, f));
}

const RUNTIMES = {
  ours: {
    label: "ours",
    available() {
      const wasm = path.join(OUR_DIST, "bridge_js_bg.wasm");
      if (!fs.existsSync(OUR_PACKAGE) || !fs.existsSync(wasm)) {
        return `${path.relative(ROOT, wasm)} not found: run \`cargo xtask build\` first`;
      }
      return null;
    },
    async load() {
      const { loadPython } = await import(pathToFileURL(OUR_PACKAGE).href);
      return loadPython({ stdout: quiet, stderr: quiet });
    },
    files: () => ({
      wasm: [path.join(OUR_DIST, "bridge_js_bg.wasm")],
      stdlib: [path.join(OUR_DIST, "python313.zip")],
      // everything a page loads: the wasm-bindgen glue, the package's modules, and the WASI shim
      js: [
        path.join(OUR_DIST, "bridge_js.js"),
        ...jsFilesIn(path.dirname(OUR_PACKAGE)),
        ...jsFilesIn(path.join(ROOT, "node_modules/@bjorn3/browser_wasi_shim/dist")),
      ],
    }),
  },
  pyodide: {
    label: "pyodide",
    available() {
      ensurePyodide();
      return null;
    },
    async load() {
      const { loadPyodide } = await import(pathToFileURL(path.join(PYODIDE_DIR, "pyodide.mjs")).href);
      return loadPyodide({ indexURL: PYODIDE_DIR + "/", stdout: quiet, stderr: quiet });
    },
    files: () => ({
      wasm: [path.join(PYODIDE_DIR, "pyodide.asm.wasm")],
      stdlib: [path.join(PYODIDE_DIR, "python_stdlib.zip")],
      js: [path.join(PYODIDE_DIR, "pyodide.asm.mjs"), path.join(PYODIDE_DIR, "pyodide.mjs")],
    }),
  },
};

// ---------------------------------------------------------------- operations

// JS-side objects the Python code reaches through `from js import ...`.
let jsCalls = 0;
globalThis.benchNoop = function benchNoop() {
  jsCalls++;
};
globalThis.benchObj = { x: 1 };

const SETUP = `
from js import benchNoop, benchObj

def bench_empty_loop(n):
    for _ in range(n):
        pass

def bench_py_calls_js(n):
    f = benchNoop
    for _ in range(n):
        f()

def bench_py_reads_js_attr(n):
    o = benchObj
    s = 0
    for _ in range(n):
        s += o.x
    return s

def bench_noop():
    pass

class BenchC:
    pass

bench_c = BenchC()
bench_c.x = 1
`;

/** Each op: (rt, n) -> a function doing n operations and returning a check value. */
const OPS = [
  {
    key: "empty_loop",
    title: "empty Python loop (overhead reference)",
    make: (rt) => (n) => rt.runPython(`bench_empty_loop(${n})`),
    check: () => true,
  },
  {
    key: "py_calls_js",
    title: "Python calls a trivial JS function",
    make: (rt) => (n) => {
      const before = jsCalls;
      rt.runPython(`bench_py_calls_js(${n})`);
      return jsCalls - before;
    },
    check: (v, n) => v === n,
  },
  {
    key: "js_calls_py",
    title: "JS calls a trivial Python function",
    make: (rt) => {
      const f = rt.globals.get("bench_noop");
      return (n) => {
        let c = 0;
        for (let i = 0; i < n; i++) {
          f();
          c++;
        }
        return c;
      };
    },
    check: (v, n) => v === n,
  },
  {
    key: "py_reads_js",
    title: "Python reads a JS attribute",
    make: (rt) => (n) => rt.runPython(`bench_py_reads_js_attr(${n})`),
    check: (v, n) => Number(v) === n,
  },
  {
    key: "js_reads_py",
    title: "JS reads a Python attribute",
    make: (rt) => {
      const c = rt.globals.get("bench_c");
      return (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += c.x;
        return s;
      };
    },
    check: (v, n) => v === n,
  },
];

/**
 * Time one operation on every runtime, interleaved: each repetition runs every
 * runtime back to back (alternating which goes first), so a noisy moment on
 * this shared machine hits both sides alike rather than one side's whole run.
 * `fns` maps a runtime name to its operation; returns name -> {rate, ms, times}
 * or name -> Error.
 */
function measureInterleaved(fns, check, n, reps) {
  const out = {};
  const live = [];
  for (const [name, fn] of Object.entries(fns)) {
    try {
      const v0 = fn(n); // warm-up
      if (!check(v0, n)) throw new Error(`sanity check failed on warm-up: got ${String(v0)} for n=${n}`);
      out[name] = { times: [] };
      live.push(name);
    } catch (e) {
      out[name] = e;
    }
  }
  for (let r = 0; r < reps; r++) {
    const order = r % 2 === 0 ? live : [...live].reverse();
    for (const name of order) {
      if (out[name] instanceof Error) continue;
      try {
        const t0 = performance.now();
        const v = fns[name](n);
        out[name].times.push(performance.now() - t0);
        if (!check(v, n)) throw new Error(`sanity check failed: got ${String(v)} for n=${n}`);
      } catch (e) {
        out[name] = e;
      }
    }
  }
  for (const name of live) {
    if (out[name] instanceof Error) continue;
    const ms = median(out[name].times);
    out[name] = { rate: n / (ms / 1000), ms, times: out[name].times };
  }
  return out;
}

async function measureStartup(rt, runs) {
  const loads = [];
  for (let r = 0; r < runs + 1; r++) {
    const t0 = performance.now();
    const py = await rt.load();
    const v = py.runPython("1 + 1");
    const ms = performance.now() - t0;
    if (v !== 2) throw new Error(`first runPython gave ${String(v)}, wanted 2`);
    loads.push(ms);
  }
  return { first: loads[0], warm: median(loads.slice(1)), all: loads };
}

function sizes(files) {
  const out = {};
  let totalRaw = 0;
  let totalGz = 0;
  for (const [k, list] of Object.entries(files)) {
    let raw = 0;
    let gz = 0;
    const missing = [];
    for (const f of list) {
      if (!fs.existsSync(f)) {
        missing.push(path.relative(ROOT, f));
        continue;
      }
      const buf = fs.readFileSync(f);
      raw += buf.length;
      gz += zlib.gzipSync(buf, { level: 9 }).length;
    }
    out[k] = { raw, gz, missing };
    totalRaw += raw;
    totalGz += gz;
  }
  out.total = { raw: totalRaw, gz: totalGz, missing: [] };
  return out;
}

// ---------------------------------------------------------------- report

const fmtRate = (r) => (r >= 1e6 ? `${(r / 1e6).toFixed(2)} M/s` : `${(r / 1e3).toFixed(1)} k/s`);
const fmtMs = (ms) => `${ms.toFixed(0)} ms`;
const fmtBytes = (b) => (b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${(b / 1e3).toFixed(1)} kB`);
const pad = (s, n) => (String(s).length >= n ? String(s) : String(s) + " ".repeat(n - String(s).length));
const lpad = (s, n) => (String(s).length >= n ? String(s) : " ".repeat(n - String(s).length) + String(s));

function printTable(rows) {
  const w = [Math.max(...rows.map((r) => r[0].length)), 14, 14, 14, 0];
  console.log(`${pad("benchmark", w[0])}  ${lpad("ours", w[1])}  ${lpad("pyodide", w[2])}  ${lpad("ours/pyodide", w[3])}  better`);
  console.log("-".repeat(w[0] + w[1] + w[2] + w[3] + 16));
  for (const r of rows) {
    console.log(`${pad(r[0], w[0])}  ${lpad(r[1], w[1])}  ${lpad(r[2], w[2])}  ${lpad(r[3], w[3])}  ${r[4]}`);
  }
}

// ---------------------------------------------------------------- main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const names = opts.only ? [opts.only] : ["ours", "pyodide"];
  const results = {};
  const loaded = {};
  let missingOurs = null;
  console.log(
    `e2e bench: Node ${process.version}, n=${opts.n} ops per run, warm-up + median of ${opts.reps}; start-up: first load + median of ${opts.startupRuns} more`,
  );
  for (const name of names) {
    const rt = RUNTIMES[name];
    const why = rt.available();
    if (why) {
      console.log(`${name}: unavailable: ${why}`);
      if (name === "ours") missingOurs = why;
      continue;
    }
    const res = { ops: {}, errors: {} };
    results[name] = res;
    process.stdout.write(`${name}: start-up ...`);
    try {
      res.startup = await measureStartup(rt, opts.startupRuns);
      process.stdout.write(` first ${fmtMs(res.startup.first)}, warm median ${fmtMs(res.startup.warm)}\n`);
    } catch (e) {
      res.errors.startup = e;
      process.stdout.write(` FAILED: ${e.message}\n`);
      continue;
    }
    try {
      loaded[name] = await rt.load();
      loaded[name].runPython(SETUP);
    } catch (e) {
      delete loaded[name];
      res.errors.setup = e;
      console.log(`${name}: setup FAILED: ${e.message}`);
      continue;
    }
    res.sizes = sizes(rt.files());
  }

  // The crossings, each measured on both runtimes interleaved.
  for (const op of OPS) {
    const fns = {};
    for (const [name, py] of Object.entries(loaded)) {
      try {
        fns[name] = op.make(py);
      } catch (e) {
        results[name].errors[op.key] = e;
      }
    }
    const measured = measureInterleaved(fns, op.check, opts.n, opts.reps);
    for (const [name, m] of Object.entries(measured)) {
      if (m instanceof Error) {
        results[name].errors[op.key] = m;
        console.log(`${name}: ${op.title}: FAILED: ${m.name}: ${String(m.message).split("\n").slice(-3).join(" | ")}`);
      } else {
        results[name].ops[op.key] = m;
        console.log(`${name}: ${op.title}: ${fmtRate(m.rate)}`);
      }
    }
  }

  const ours = results.ours;
  const pyo = results.pyodide;
  const ratio = (a, b) => (a !== undefined && b !== undefined ? `${(a / b).toFixed(2)}x` : "n/a");
  const rows = [];
  for (const op of OPS) {
    const a = ours?.ops[op.key]?.rate;
    const b = pyo?.ops[op.key]?.rate;
    rows.push([op.title, a ? fmtRate(a) : ours ? "FAILED" : "n/a", b ? fmtRate(b) : pyo ? "FAILED" : "n/a", ratio(a, b), "higher"]);
  }
  const s = (r, k) => r?.startup?.[k];
  rows.push(["start-up, first load (load -> first runPython)", s(ours, "first") ? fmtMs(s(ours, "first")) : "n/a", s(pyo, "first") ? fmtMs(s(pyo, "first")) : "n/a", ratio(s(ours, "first"), s(pyo, "first")), "lower"]);
  rows.push(["start-up, warm median (load -> first runPython)", s(ours, "warm") ? fmtMs(s(ours, "warm")) : "n/a", s(pyo, "warm") ? fmtMs(s(pyo, "warm")) : "n/a", ratio(s(ours, "warm"), s(pyo, "warm")), "lower"]);
  const sizeLabels = { wasm: "wasm module", stdlib: "stdlib zip", js: "JS glue", total: "total shipped" };
  for (const k of ["wasm", "stdlib", "js", "total"]) {
    for (const kind of ["raw", "gz"]) {
      const a = ours?.sizes?.[k]?.[kind];
      const b = pyo?.sizes?.[k]?.[kind];
      rows.push([`size: ${sizeLabels[k]}, ${kind === "raw" ? "raw" : "gzip -9"}`, a !== undefined ? fmtBytes(a) : "n/a", b !== undefined ? fmtBytes(b) : "n/a", ratio(a, b), "lower"]);
    }
  }
  console.log("");
  printTable(rows);
  for (const [name, r] of Object.entries(results)) {
    for (const [k, list] of Object.entries(r.sizes ?? {})) {
      if (list.missing.length) console.log(`note: ${name} ${k}: missing ${list.missing.join(", ")}`);
    }
  }
  console.log(
    "files: ours = dist/bridge_js_bg.wasm | dist/python313.zip | dist/bridge_js.js + bridge-js/package/*.js + @bjorn3/browser_wasi_shim/dist/*.js;\n" +
      "       pyodide = pyodide.asm.wasm | python_stdlib.zip | pyodide.asm.mjs + pyodide.mjs. Rates include the loop around each operation.",
  );
  const failures = Object.entries(results).flatMap(([n, r]) => Object.keys(r.errors).map((k) => `${n}/${k}`));
  if (failures.length) {
    console.log(`bench: failed measurements: ${failures.join(", ")}`);
    process.exit(1);
  }
  if (missingOurs && !opts.only) {
    console.log(`bench: our runtime was not measured (${missingOurs})`);
    process.exit(1);
  }
}

await main();
