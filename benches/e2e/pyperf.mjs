#!/usr/bin/env node
// Pure-Python speed: the same small programs (a pyperformance-like set) on
// our runtime and on Pyodide (npm pyodide@314.0.7) in ONE Node process, the
// two runtimes' rounds interleaved; the median of --reps rounds after a
// warm-up round. Prints each program's time on both, the speed ratio
// (Pyodide's time / ours: above 1 is faster here) and the geometric mean.
//
//   node benches/e2e/pyperf.mjs [--reps 5] [--filter SUBSTR] [--json FILE]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../..");
const USAGE = "usage: node benches/e2e/pyperf.mjs [--reps N] [--filter SUBSTR] [--json FILE]";

function parseArgs(argv) {
  const o = { reps: 5, filter: null, json: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) die(`${a} needs a value\n${USAGE}`);
      return argv[++i];
    };
    if (a === "--reps") {
      o.reps = Number(next());
      if (!Number.isInteger(o.reps) || o.reps < 1) die(`--reps needs a positive integer\n${USAGE}`);
    } else if (a === "--filter") o.filter = next();
    else if (a === "--json") o.json = next();
    else if (a === "-h" || a === "--help") {
      console.log(USAGE);
      process.exit(0);
    } else die(`unknown argument ${a}\n${USAGE}`);
  }
  return o;
}

function die(msg) {
  console.error(msg);
  process.exit(2);
}

/** Each program: a Python function body run once per round; it returns a checksum both runtimes must agree on. */
const PROGRAMS = {
  fib: `
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
return fib(25)`,
  int_loop: `
t = 0
for i in range(2_000_000):
    t += i & 7
return t`,
  empty_for: `
for i in range(3_000_000):
    pass
return i`,
  dict_inserts: `
d = {}
for i in range(300_000):
    d[i] = i
    d[str(i)] = i
return len(d)`,
  str_join_split: `
t = 0
for i in range(20_000):
    s = ",".join(str(j) for j in range(20))
    t += len(s.split(","))
return t`,
  slots_objects: `
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
t = 0
for i in range(300_000):
    t += P(i, 1).y
return t`,
  float_math: `
import math
t = 0.0
for i in range(1, 300_000):
    t += math.sqrt(i) * math.sin(i) / (1.0 + i)
return round(t, 6)`,
  json_roundtrip: `
import json
doc = {"a": [1, 2.5, "x", None, True], "b": {"c": list(range(50)), "d": "é" * 20}}
t = 0
for i in range(3_000):
    t += len(json.loads(json.dumps(doc))["b"]["c"])
return t`,
  re_findall: `
import re
text = "alpha=1, beta=22, gamma=333; " * 200
pat = re.compile(r"(\\w+)=(\\d+)")
t = 0
for i in range(300):
    t += len(pat.findall(text))
return t`,
  method_calls: `
class C:
    def m(self, x):
        return x + 1
c = C()
t = 0
for i in range(500_000):
    t = c.m(t)
return t`,
  attribute_access: `
class C:
    def __init__(self):
        self.a = 1
        self.b = 2
c = C()
t = 0
for i in range(500_000):
    t += c.a + c.b
return t`,
  list_comprehension: `
t = 0
for i in range(2_000):
    t += len([x * 2 for x in range(200) if x & 1])
return t`,
  generators: `
def gen(n):
    for i in range(n):
        yield i
t = 0
for i in range(200):
    t += sum(gen(2_000))
return t`,
  exceptions: `
t = 0
for i in range(200_000):
    try:
        raise ValueError(i)
    except ValueError as e:
        t += 1
return t`,
  string_format: `
t = 0
for i in range(200_000):
    t += len(f"{i}:{i * 2.5:.2f}") + len("{}-{}".format(i, "x"))
return t`,
  sorted_1e5: `
import random
r = random.Random(1)
data = [r.random() for _ in range(100_000)]
t = 0
for i in range(5):
    t += int(sorted(data)[50_000] * 1e6)
return t`,
  bigint: `
t = 1
for i in range(1, 3_000):
    t = t * i
return t % 1_000_000_007`,
  decimal: `
from decimal import Decimal, getcontext
getcontext().prec = 30
t = Decimal(0)
for i in range(1, 50_000):
    t += Decimal(1) / Decimal(i)
return str(t)`,
};

const RUNTIMES = {
  ours: async () => {
    const { loadPython } = await import(pathToFileURL(path.join(ROOT, "bridge-js/package/index.js")).href);
    return loadPython({ stdout: () => {}, stderr: () => {} });
  },
  pyodide: async () => {
    const dir = path.join(HERE, "node_modules/pyodide");
    if (!fs.existsSync(dir)) die("Pyodide is not installed: run `npm ci` in benches/e2e (or node benches/e2e/bench.mjs once)");
    const { loadPyodide } = await import(pathToFileURL(path.join(dir, "pyodide.mjs")).href);
    return loadPyodide({ stdout: () => {}, stderr: () => {} });
  },
};

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function define(py, name, body) {
  const indented = body.split("\n").map((l) => (l ? "    " + l : l)).join("\n");
  py.runPython(`def pyperf_${name}():\n${indented}\n`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const names = Object.keys(PROGRAMS).filter((n) => !opts.filter || n.includes(opts.filter));
  const rts = {};
  for (const [k, load] of Object.entries(RUNTIMES)) rts[k] = await load();
  const results = [];
  console.log(`pyperf: Node ${process.version}, warm-up + median of ${opts.reps} rounds, runtimes interleaved`);
  console.log(`${"program".padEnd(20)} ${"ours ms".padStart(9)} ${"pyodide ms".padStart(11)} ${"speed".padStart(7)}`);
  for (const name of names) {
    const times = { ours: [], pyodide: [] };
    const values = {};
    for (const [k, py] of Object.entries(rts)) {
      define(py, name, PROGRAMS[name]);
      values[k] = String(py.runPython(`str(pyperf_${name}())`)); // warm-up, and the checksum
    }
    if (values.ours !== values.pyodide) die(`${name}: the runtimes disagree: ours ${values.ours}, Pyodide ${values.pyodide}`);
    for (let r = 0; r < opts.reps; r++) {
      const order = r % 2 === 0 ? ["ours", "pyodide"] : ["pyodide", "ours"];
      for (const k of order) {
        const t0 = performance.now();
        rts[k].runPython(`pyperf_${name}()`);
        times[k].push(performance.now() - t0);
      }
    }
    const ours = median(times.ours);
    const pyo = median(times.pyodide);
    results.push({ name, ours, pyodide: pyo, speed: pyo / ours, times });
    console.log(`${name.padEnd(20)} ${ours.toFixed(1).padStart(9)} ${pyo.toFixed(1).padStart(11)} ${(pyo / ours).toFixed(2).padStart(6)}×`);
  }
  const geo = Math.exp(results.reduce((s, r) => s + Math.log(r.speed), 0) / results.length);
  console.log(`geometric mean of the speed ratios (Pyodide's time / ours): ${geo.toFixed(3)}×`);
  if (opts.json) fs.writeFileSync(opts.json, JSON.stringify({ node: process.version, reps: opts.reps, results, geomean: geo }, null, 2) + "\n");
}

await main();
