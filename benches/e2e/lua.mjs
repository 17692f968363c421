// The Lua guest's crossings (bridge-lua, through bridge-capi) beside the same
// crossing made by Python: Pyodide 314.0.7 and our own Python runtime, in one
// Node process, rounds interleaved, median of --reps rounds.
//
//   node benches/e2e/lua.mjs [--reps N] [--n N]
//
// Pyodide has no Lua: the ratio compares our Lua guest's crossing with
// Pyodide's Python making the same crossing (a guest loop calling a JS
// function, reading a JS attribute; JS calling a guest function), which is
// what a user choosing a runtime for a page would compare. Rates include the
// guest's own loop.
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../..");
const PYODIDE_DIR = path.join(HERE, "node_modules/pyodide");
const quiet = () => {};

function args() {
  const o = { reps: 5, n: 100000 };
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i++) {
    if (a[i] === "--reps") o.reps = Number(a[++i]);
    else if (a[i] === "--n") o.n = Number(a[++i]);
    else throw new Error(`unknown argument ${a[i]} (want --reps N, --n N)`);
  }
  if (!(o.reps >= 1 && o.n >= 1)) throw new Error("--reps and --n must be positive");
  return o;
}

function ensurePyodide() {
  if (fs.existsSync(path.join(PYODIDE_DIR, "pyodide.asm.wasm"))) return;
  console.log("installing pyodide@314.0.7 in benches/e2e (npm ci)...");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: HERE, stdio: "inherit" });
}

globalThis.luaBenchNoop = (x) => x;
globalThis.luaBenchObj = { x: 1 };

// Each op: for each runtime, a function running n crossings and returning a check value.
const OPS = [
  {
    title: "guest calls a JS function f(i)",
    lua: (lua, n) => {
      const f = lua.run(`local js = require("js") local f = js.global.luaBenchNoop return function(n) local s = 0 for i = 0, n - 1 do s = s + f(i) end return s end`);
      return () => f(n);
    },
    py: (py, n) => {
      py.runPython(`from js import luaBenchNoop as _lb_f\ndef _lb_call(n):\n    s = 0\n    for i in range(n):\n        s += _lb_f(i)\n    return s`);
      const f = py.globals.get("_lb_call");
      return () => f(n);
    },
  },
  {
    title: "guest reads a JS attribute o.x",
    lua: (lua, n) => {
      const f = lua.run(`local js = require("js") local o = js.global.luaBenchObj return function(n) local s = 0 for i = 1, n do s = s + o.x end return s end`);
      return () => f(n);
    },
    py: (py, n) => {
      py.runPython(`from js import luaBenchObj as _lb_o\ndef _lb_attr(n):\n    s = 0\n    for i in range(n):\n        s += _lb_o.x\n    return s`);
      const f = py.globals.get("_lb_attr");
      return () => f(n);
    },
  },
  {
    title: "JS calls a guest function g(i)",
    lua: (lua, n) => {
      const g = lua.run("return function(x) return x end");
      return () => {
        let s = 0;
        for (let i = 0; i < n; i++) s += g(i);
        return s;
      };
    },
    py: (py, n) => {
      py.runPython("def _lb_id(x):\n    return x");
      const g = py.globals.get("_lb_id");
      return () => {
        let s = 0;
        for (let i = 0; i < n; i++) s += g(i);
        return s;
      };
    },
  },
  {
    title: "JS passes a string of 64 chars to the guest",
    lua: (lua, n) => {
      const g = lua.run("return function(s) return utf8.len(s) end");
      const s = "x".repeat(63) + "é";
      return () => {
        let t = 0;
        for (let i = 0; i < n; i++) t += g(s);
        return t;
      };
    },
    py: (py, n) => {
      py.runPython("def _lb_len(s):\n    return len(s)");
      const g = py.globals.get("_lb_len");
      const s = "x".repeat(63) + "é";
      return () => {
        let t = 0;
        for (let i = 0; i < n; i++) t += g(s);
        return t;
      };
    },
  },
];

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function main() {
  const o = args();
  ensurePyodide();
  const { loadLua } = await import(pathToFileURL(path.join(ROOT, "bridge-lua/package/index.js")).href);
  const { loadPython } = await import(pathToFileURL(path.join(ROOT, "bridge-js/package/index.js")).href);
  const { loadPyodide } = await import(pathToFileURL(path.join(PYODIDE_DIR, "pyodide.mjs")).href);
  const lua = await loadLua({ stdout: quiet, stderr: quiet });
  const ours = await loadPython({ stdout: quiet, stderr: quiet });
  const pyodide = await loadPyodide({ indexURL: PYODIDE_DIR + "/", stdout: quiet, stderr: quiet });
  console.log(`Lua guest crossings: Node ${process.version}, n = ${o.n}, median of ${o.reps} interleaved rounds`);
  const rows = [["operation", "Lua (ours)", "Python (Pyodide)", "Python (ours)", "Lua / Pyodide"]];
  for (const op of OPS) {
    const fns = { lua: op.lua(lua, o.n), pyodide: op.py(pyodide, o.n), ours: op.py(ours, o.n) };
    const checks = {};
    for (const [k, f] of Object.entries(fns)) checks[k] = f(); // warm-up
    if (new Set(Object.values(checks).map(String)).size !== 1) {
      throw new Error(`${op.title}: the runtimes disagree: ${JSON.stringify(checks, (_, v) => (typeof v === "bigint" ? String(v) : v))}`);
    }
    const times = { lua: [], pyodide: [], ours: [] };
    for (let r = 0; r < o.reps; r++) {
      for (const [k, f] of Object.entries(fns)) {
        const t0 = performance.now();
        f();
        times[k].push(performance.now() - t0);
      }
    }
    const rate = (k) => o.n / (median(times[k]) / 1000);
    const fmt = (x) => `${(x / 1e6).toFixed(2)} M/s`;
    rows.push([op.title, fmt(rate("lua")), fmt(rate("pyodide")), fmt(rate("ours")), `${(rate("lua") / rate("pyodide")).toFixed(2)}x`]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join("  "));
  const h = lua.liveHandles();
  console.log(`Lua live handles after the run: js ${h.js}, lua ${h.lua}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
