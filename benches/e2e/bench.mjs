#!/usr/bin/env node
// End-to-end benchmark: the same operations on our runtime and on Pyodide
// (npm pyodide@314.0.7), side by side in ONE Node process run.
//
//   node benches/e2e/bench.mjs [--n 100000] [--reps 5] [--startup-runs 5] [--only ours|pyodide]
//                              [--filter SUBSTR] [--json FILE] [--package DIR]
//
// Pyodide is installed by this script (`npm ci` in benches/e2e, pinned by
// package.json + package-lock.json) when missing; afterwards it runs offline.
// Every figure is measured here and now: a warm-up run, then the median of
// --reps runs, the two runtimes' runs interleaved so noise hits both alike. Rates include the loop around the operation (a Python `for`
// loop or a JS `for` loop), identical for both runtimes; the "empty Python
// loop" row shows that overhead.
//
// --filter SUBSTR runs only the rows whose key contains SUBSTR (keys are
// printed beside each row; start-up rows are `startup_*`, sizes `size_*`); the
// two floor rows always run, since the "ours vs floor" column needs them.
// --json FILE writes every measured number (times of each repetition,
// medians, rates, floors, start-up, sizes, errors) so runs can be compared.
// --package DIR measures our package in DIR (index.js and dist/) instead of
// bridge-js/package.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { execFileSync } from "node:child_process";
import http from "node:http";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../..");
const PYODIDE_VERSION = "314.0.7";
const PYODIDE_DIR = path.join(HERE, "node_modules/pyodide");
// Our package (index.js, its modules, dist/); --package points elsewhere,
// e.g. at another checkout whose package matches the dist/ it holds.
let OUR_PACKAGE = path.join(ROOT, "bridge-js/package/index.js");
let OUR_DIST = path.join(ROOT, "bridge-js/package/dist");

const USAGE =
  "usage: node benches/e2e/bench.mjs [--n N] [--reps R] [--startup-runs S] [--only ours|pyodide] [--filter SUBSTR] [--json FILE] [--package DIR]";

function parseArgs(argv) {
  const o = { n: 100_000, reps: 5, startupRuns: 5, only: null, filter: null, json: null, package: null };
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
    else if (a === "--filter") o.filter = next();
    else if (a === "--json") o.json = next();
    else if (a === "--package") o.package = path.resolve(next());
    else if (a === "-h" || a === "--help") {
      console.log(USAGE);
      process.exit(0);
    } else die(`unknown argument ${a}\n${USAGE}`);
  }
  for (const k of ["n", "reps", "startupRuns"]) {
    if (!Number.isInteger(o[k]) || o[k] < 1) die(`--${k} must be a positive integer`);
  }
  if (o.only && !["ours", "pyodide"].includes(o.only)) die("--only takes ours or pyodide");
  if (o.filter === "") die("--filter needs a non-empty substring");
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

/** Thrown by an op's `make` when the op cannot run on this runtime build: reported as n/a, not a failure. */
class NotApplicable extends Error {}

// ASCII strings of a given length, and one non-ASCII string (BMP only, so
// Python's len() and JS's .length agree: 1-, 2- and 3-byte UTF-8 chars mixed).
const asciiOf = (len) => Array.from({ length: len }, (_, i) => String.fromCharCode(97 + (i % 26))).join("");
const NON_ASCII = "aé→ü✓ßд€";
const STRINGS = {
  s8: asciiOf(8),
  s512: asciiOf(512),
  s4096: asciiOf(4096),
  u512: Array.from({ length: 512 }, (_, i) => NON_ASCII[i % NON_ASCII.length]).join(""),
};
const STRING_ROWS = [
  ["s8", "8 ASCII chars"],
  ["s512", "512 ASCII chars"],
  ["s4096", "4096 ASCII chars"],
  ["u512", "512 non-ASCII chars"],
];

// JS-side objects the Python code reaches through `from js import ...`. The
// functions do just enough work for a check to see every call and its
// arguments arrive: they add into `jsSum`, which each timed run resets.
let jsSum = 0;
globalThis.benchNoop = function benchNoop() {
  jsSum += 1;
};
globalThis.benchNum = function benchNum(a) {
  jsSum += a;
};
globalThis.benchStr = function benchStr(s) {
  jsSum += s.length; // NaN if a proxy arrived instead of a string
};
globalThis.benchF3 = function benchF3(a, b, c) {
  jsSum += a + b + c.length;
};
globalThis.benchKw = function benchKw(a, kw) {
  jsSum += a + kw.a; // keyword arguments arrive as one trailing object (both runtimes)
};
globalThis.benchObj = { x: 1, y: -1 };
globalThis.benchM = {
  acc: 0,
  m(x) {
    this.acc += x; // module code is strict: an unbound `this` throws
  },
};
globalThis.benchStrs = { ...STRINGS };
globalThis.benchNest = { child: { v: 1 } };
globalThis.benchArr = Array.from({ length: 1000 }, (_, i) => i); // sum 499500
globalThis.benchNums = Array.from({ length: 100000 }, (_, i) => i * 0.5);
// 64 MiB of bytes, for the bulk-copy rows (filled so a copy cannot be elided).
globalThis.benchBig = new Uint8Array(64 << 20).map((_, i) => i & 255);
globalThis.benchBigDst = new Uint8Array(64 << 20);
globalThis.benchMap = new Map(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i])); // values sum 499500
globalThis.benchRecs = Array.from({ length: 10000 }, (_, i) => ({ a: i, b: [i, i + 1, i + 2], c: "str" + (i % 10) }));

const pyStr = (s) => JSON.stringify(s); // a JSON string literal is a valid Python literal

const SETUP_HEAD = `
from js import benchNoop, benchNum, benchStr, benchF3, benchKw, benchObj, benchM, benchStrs, benchNest, benchArr, benchNums, benchRecs, benchBig, benchMap

def bench_to_py_numbers(n):
    # n elements in all, as whole conversions of the 100000-number array
    t = 0
    for _ in range(max(1, n // 100000)):
        t += len(benchNums.to_py())
    return t

def bench_to_py_records(n):
    # n records in all, as whole conversions of the 10000-record array
    t = 0
    for _ in range(max(1, n // 10000)):
        t += len(benchRecs.to_py())
    return t

def bench_big_to_bytes(n):
    # n copies of the 64 MiB Uint8Array into a new bytes object
    t = 0
    for _ in range(n):
        b = benchBig.to_bytes()
        t += len(b) + b[12345] - 57  # b[12345] == 12345 & 255 == 57
        del b
    return t

def bench_big_memoryview(n):
    # n buffer-protocol views of the 64 MiB Uint8Array (copy in; nothing written back)
    t = 0
    for _ in range(n):
        with memoryview(benchBig) as m:
            t += m.nbytes + m[12345] - 57
    return t

def bench_map_items(n):
    # n entries in all, as whole passes over the 1000-entry Map
    t = 0
    for _ in range(n // 1000):
        for k, v in benchMap.items():
            t += v
    return t

def bench_array_iter(n):
    # n elements in all, as whole passes over the 1000-element array
    t = 0
    for _ in range(n // 1000):
        t += sum(benchArr)
    return t

def bench_array_index(n):
    a = benchArr
    t = 0
    for i in range(n):
        t += a[i % 1000]
    return t

def bench_empty_loop(n):
    for _ in range(n):
        pass

def bench_builtin_call(n):
    f = abs
    for _ in range(n):
        f(0)

def bench_py_calls_py(n):
    f = bench_noop
    for _ in range(n):
        f()

def bench_py_reads_js_attr(n):
    o = benchObj
    s = 0
    for _ in range(n):
        s += o.x
    return s

def bench_py_writes_js_attr(n):
    o = benchObj
    for i in range(n):
        o.y = i

def bench_py_calls_js_method(n):
    o = benchM
    for _ in range(n):
        o.m(1)

def bench_jsproxy_make_drop(n):
    o = benchNest
    c = None
    for _ in range(n):
        c = o.child  # the previous iteration's JsProxy is freed here
    return c.v

def bench_noop():
    pass

def bench_p1(a):
    pass

def bench_p3(a, b, c):
    pass

def bench_echo(*args):
    return repr(args)

class BenchC:
    pass

bench_c = BenchC()
bench_c.x = 1
bench_c.y = -1

bench_strs = BenchC()
${Object.entries(STRINGS)
  .map(([k, v]) => `bench_strs.${k} = ${pyStr(v)}`)
  .join("\n")}

bench_nest = BenchC()
bench_nest.child = BenchC()
bench_nest.child.v = 1

from pyodide.ffi import create_proxy as _bench_create_proxy

def bench_create_proxy_destroy(n):
    f = bench_noop
    for _ in range(n):
        _bench_create_proxy(f).destroy()
    return n

import asyncio as _bench_asyncio

async def bench_pyfetch(n):
    from pyodide.http import pyfetch
    from js import benchServerURL
    t = 0
    for _ in range(n):
        r = await pyfetch(benchServerURL)
        t += len(await r.text())
    return t

def bench_zip():
    import io, zipfile
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        for i in range(10):
            z.writestr(f"pkg/m{i}.py", "x = 1\\n" * 20)
    return b.getvalue()

async def bench_sleep0(n):
    for _ in range(n):
        await _bench_asyncio.sleep(0)
    return n

async def bench_tasks_js(n, promise):
    async def one():
        return await promise
    vals = await _bench_asyncio.gather(*(one() for _ in range(n)))
    return len(vals)

async def bench_coro_now():
    return 1

bench_ints = list(range(100000))
bench_dicts = [{"a": i, "b": "s", "c": [i]} for i in range(10000)]
bench_big_bytes = bytes(range(256)) * (256 * 1024)  # 64 MiB
`;

// Generated Python loops (one function per op), appended to SETUP_HEAD.
const generated = [];

/** A Python loop calling JS function `jsName` as `call` (e.g. `f(1)`); the JS side sums into jsSum. */
function pyCallsJs(key, title, jsName, call, expected) {
  generated.push(`def bench_${key}(n):\n    f = ${jsName}\n    for _ in range(n):\n        ${call}\n`);
  return {
    key,
    title,
    floored: true,
    make: (rt) => (n) => {
      jsSum = 0;
      rt.runPython(`bench_${key}(${n})`);
      return jsSum;
    },
    check: (v, n) => v === expected(n),
  };
}

/** Python reads attribute `attr` of a JS object holding a string, returning the last one read. */
function pyGetsJsStr(attr, what) {
  const key = `py_gets_js_str_${attr}`;
  generated.push(`def bench_${key}(n):\n    o = benchStrs\n    s = None\n    for _ in range(n):\n        s = o.${attr}\n    return s\n`);
  return {
    key,
    title: `Python gets a JS string, ${what}`,
    floored: true,
    make: (rt) => (n) => rt.runPython(`bench_${key}(${n})`),
    check: (v) => v === STRINGS[attr],
  };
}

/** JS reads attribute `attr` of a Python object holding a string. */
function jsGetsPyStr(attr, what) {
  return {
    key: `js_gets_py_str_${attr}`,
    title: `JS gets a Python string, ${what}`,
    floored: true,
    make: (rt) => {
      const o = rt.globals.get("bench_strs");
      return (n) => {
        let s;
        for (let i = 0; i < n; i++) s = o[attr];
        return s;
      };
    },
    check: (v) => v === STRINGS[attr],
  };
}

/**
 * JS calls a Python function (`def f(...): pass`) as `call(f)`, counting the
 * calls that returned None -> undefined. Before timing, `bench_echo` called the
 * same way must show Python received exactly `expectRepr`.
 */
function jsCallsPy(key, title, pyName, call, expectRepr) {
  return {
    key,
    title,
    floored: true,
    make: (rt) => {
      const echo = rt.globals.get("bench_echo");
      const seen = call(echo);
      if (seen !== expectRepr) throw new Error(`Python received ${String(seen)}, wanted ${expectRepr}`);
      const f = rt.globals.get(pyName);
      return (n) => {
        let c = 0;
        for (let i = 0; i < n; i++) if (call(f) === undefined) c++;
        return c;
      };
    },
    check: (v, n) => v === n,
  };
}

/**
 * On a runtime that reports live handles (ours), fail an op whose runs leave
 * handles behind: a "made and dropped" proxy must really be freed.
 */
function leakChecked(rt, fn) {
  if (typeof rt.liveHandles !== "function") return fn;
  return (n) => {
    const before = rt.liveHandles();
    const v = fn(n);
    const after = rt.liveHandles();
    const grew = after.js - before.js + (after.py - before.py);
    if (grew > 0) throw new Error(`leaked ${grew} handle(s) over ${n} ops (js ${before.js}->${after.js}, py ${before.py}->${after.py})`);
    return v;
  };
}

/**
 * Each op: make(rt) -> a function doing n operations and returning a check
 * value; check(value, n) must hold on every run. `runtimes` limits an op to
 * some runtimes; `floored` rows get the "ours vs floor" column.
 */
const OPS = [
  // ---- floors and references
  {
    key: "floor_import",
    title: "floor: one bare wasm->JS import call (ours only)",
    runtimes: ["ours"],
    always: true,
    make: (rt) => {
      const f = rt.glue?.bench_import_floor;
      if (typeof f !== "function") throw new NotApplicable("this build has no bench_import_floor export");
      return (n) => f(n);
    },
    check: (v, n) => Number(v) === n,
  },
  {
    key: "floor_py_builtin_call",
    title: "floor: Python calls a builtin, f(0) with f = abs",
    always: true,
    make: (rt) => (n) => rt.runPython(`bench_builtin_call(${n})`),
    check: (v) => v === undefined,
  },
  {
    key: "empty_loop",
    title: "empty Python loop (overhead reference)",
    make: (rt) => (n) => rt.runPython(`bench_empty_loop(${n})`),
    check: (v) => v === undefined,
  },
  {
    key: "py_calls_py",
    title: "Python calls a trivial Python function (reference)",
    make: (rt) => (n) => rt.runPython(`bench_py_calls_py(${n})`),
    check: (v) => v === undefined,
  },

  // ---- Python -> JS calls
  pyCallsJs("py_calls_js", "Python calls a trivial JS function", "benchNoop", "f()", (n) => n),
  pyCallsJs("py_calls_js_int", "Python calls JS: f(1)", "benchNum", "f(1)", (n) => n),
  pyCallsJs("py_calls_js_float", "Python calls JS: f(1.5)", "benchNum", "f(1.5)", (n) => 1.5 * n),
  pyCallsJs("py_calls_js_str", 'Python calls JS: f("abc")', "benchStr", 'f("abc")', (n) => 3 * n),
  pyCallsJs("py_calls_js_3args", 'Python calls JS: f(1, 2.5, "ab")', "benchF3", 'f(1, 2.5, "ab")', (n) => 5.5 * n),
  pyCallsJs("py_calls_js_kwarg", "Python calls JS: f(1, a=2)", "benchKw", "f(1, a=2)", (n) => 3 * n),
  {
    key: "py_calls_js_method",
    title: "Python calls a JS method: o.m(1), this bound",
    floored: true,
    make: (rt) => (n) => {
      globalThis.benchM.acc = 0;
      rt.runPython(`bench_py_calls_js_method(${n})`);
      return globalThis.benchM.acc;
    },
    check: (v, n) => v === n,
  },

  // ---- JS -> Python calls
  jsCallsPy("js_calls_py", "JS calls a trivial Python function", "bench_noop", (f) => f(), "()"),
  jsCallsPy("js_calls_py_int", "JS calls Python: f(1)", "bench_p1", (f) => f(1), "(1,)"),
  jsCallsPy("js_calls_py_str", 'JS calls Python: f("abc")', "bench_p1", (f) => f("abc"), "('abc',)"),
  jsCallsPy("js_calls_py_3args", 'JS calls Python: f(1, 2.5, "ab")', "bench_p3", (f) => f(1, 2.5, "ab"), "(1, 2.5, 'ab')"),

  // ---- attributes
  {
    key: "py_reads_js",
    title: "Python reads a JS attribute",
    floored: true,
    make: (rt) => (n) => rt.runPython(`bench_py_reads_js_attr(${n})`),
    check: (v, n) => Number(v) === n,
  },
  {
    key: "py_writes_js",
    title: "Python writes a JS attribute",
    floored: true,
    make: (rt) => (n) => {
      globalThis.benchObj.y = -1;
      rt.runPython(`bench_py_writes_js_attr(${n})`);
      return globalThis.benchObj.y;
    },
    check: (v, n) => v === n - 1,
  },
  {
    key: "js_reads_py",
    title: "JS reads a Python attribute",
    floored: true,
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
  {
    key: "js_writes_py",
    title: "JS writes a Python attribute",
    floored: true,
    make: (rt) => {
      const c = rt.globals.get("bench_c");
      return (n) => {
        c.y = -1;
        for (let i = 0; i < n; i++) c.y = i;
        return c.y;
      };
    },
    check: (v, n) => v === n - 1,
  },

  // ---- strings
  ...STRING_ROWS.map(([attr, what]) => pyGetsJsStr(attr, what)),
  ...STRING_ROWS.map(([attr, what]) => jsGetsPyStr(attr, what)),

  // ---- JS arrays as Python sequences (one op = one element)
  {
    key: "py_iterates_js_array",
    title: "Python iterates a JS array: sum(arr), per element",
    floored: true,
    make: (rt) => (n) => rt.runPython(`bench_array_iter(${n})`),
    check: (v, n) => Number(v) === 499500 * Math.floor(n / 1000),
  },
  {
    key: "py_indexes_js_array",
    title: "Python indexes a JS array: arr[i]",
    floored: true,
    make: (rt) => (n) => rt.runPython(`bench_array_index(${n})`),
    check: (v, n) => Number(v) === Array.from({ length: n }, (_, i) => i % 1000).reduce((a, b) => a + b, 0),
  },

  {
    key: "py_iterates_js_map",
    title: "Python iterates a JS Map: for k, v in m.items(), per entry",
    make: (rt) => (n) => rt.runPython(`bench_map_items(${n})`),
    check: (v, n) => Number(v) === 499500 * Math.floor(n / 1000),
  },

  // ---- to_py (one op = one element)
  {
    key: "to_py_numbers",
    title: "to_py() of a 1e5-number JS array, per element",
    make: (rt) => (n) => rt.runPython(`bench_to_py_numbers(${n})`),
    check: (v, n) => Number(v) === 100000 * Math.max(1, Math.floor(n / 100000)),
  },
  {
    key: "to_py_records",
    title: "to_py() of a 1e4-record array {a, b: [3], c}, per record",
    make: (rt) => (n) => rt.runPython(`bench_to_py_records(${n})`),
    check: (v, n) => Number(v) === 10000 * Math.max(1, Math.floor(n / 10000)),
  },

  // ---- bulk copies (one op = one 64 MiB copy)
  {
    key: "big_to_bytes",
    title: "64 MiB Uint8Array -> bytes (u8.to_bytes()), per copy",
    n: 6,
    make: (rt) => (n) => rt.runPython(`bench_big_to_bytes(${n})`),
    check: (v, n) => Number(v) === n * (64 << 20),
  },
  {
    // Ours only: Pyodide's typed arrays are not Python buffers.
    key: "big_memoryview",
    title: "64 MiB Uint8Array -> memoryview (buffer protocol), per view",
    n: 6,
    runtimes: ["ours"],
    make: (rt) => (n) => rt.runPython(`bench_big_memoryview(${n})`),
    check: (v, n) => Number(v) === n * (64 << 20),
  },
  {
    // The reference for the rows above: a plain JS copy of the same size in
    // the same run (no runtime involved; shown in our column only).
    key: "big_js_copy",
    title: "64 MiB plain JS copy (TypedArray.prototype.set), per copy",
    n: 6,
    runtimes: ["ours"],
    make: () => (n) => {
      for (let i = 0; i < n; i++) globalThis.benchBigDst.set(globalThis.benchBig);
      return n + globalThis.benchBigDst[12345] - 57;
    },
    check: (v, n) => v === n,
  },

  // ---- the JS side of Python objects (issue 8)
  {
    key: "create_proxy_destroy",
    title: "create_proxy(f).destroy() from Python",
    make: (rt) => (n) => rt.runPython(`bench_create_proxy_destroy(${n})`),
    check: (v, n) => v === n,
  },
  {
    key: "globals_get_destroy",
    title: "JS globals.get(name) + destroy()",
    make: (rt) => (n) => {
      const g = rt.globals;
      let c = 0;
      for (let i = 0; i < n; i++) {
        const p = g.get("bench_c");
        c += p.x;
        p.destroy();
      }
      return c;
    },
    check: (v, n) => v === n,
  },
  {
    key: "tojs_ints",
    title: "toJs() of a 1e5-int Python list, per element",
    make: (rt) => {
      const l = rt.globals.get("bench_ints");
      return (n) => {
        let t = 0;
        for (let i = 0; i < Math.max(1, Math.floor(n / 100000)); i++) t += l.toJs().length;
        return t;
      };
    },
    check: (v, n) => v === 100000 * Math.max(1, Math.floor(n / 100000)),
  },
  {
    key: "tojs_dicts",
    title: "toJs() of a 1e4-dict Python list {a, b, c: [..]}, per dict",
    make: (rt) => {
      const l = rt.globals.get("bench_dicts");
      return (n) => {
        let t = 0;
        for (let i = 0; i < Math.max(1, Math.floor(n / 10000)); i++) {
          const a = l.toJs({ dict_converter: Object.fromEntries });
          t += a.length + a[9999].a - 9999;
        }
        return t;
      };
    },
    check: (v, n) => v === 10000 * Math.max(1, Math.floor(n / 10000)),
  },
  {
    key: "js_iterates_py_list",
    title: "JS for…of over a 1e5-element Python list, per element",
    make: (rt) => {
      const l = rt.globals.get("bench_ints");
      return (n) => {
        let t = 0;
        for (let i = 0; i < Math.max(1, Math.floor(n / 100000)); i++) for (const x of l) t += x;
        return t;
      };
    },
    check: (v, n) => v === 4999950000 * Math.max(1, Math.floor(n / 100000)),
  },
  {
    key: "big_bytes_tojs",
    title: "64 MiB bytes -> Uint8Array (toJs()), per copy",
    n: 6,
    make: (rt) => {
      const b = rt.globals.get("bench_big_bytes");
      return (n) => {
        let t = 0;
        for (let i = 0; i < n; i++) {
          const u = b.toJs();
          t += u.length + u[12345] - 57;
        }
        return t;
      };
    },
    check: (v, n) => v === n * (64 << 20),
  },
  {
    key: "big_bytes_getbuffer",
    title: "64 MiB bytes getBuffer() + release() (zero-copy), per view",
    make: (rt) => {
      const b = rt.globals.get("bench_big_bytes");
      return (n) => {
        let t = 0;
        for (let i = 0; i < n; i++) {
          const v = b.getBuffer();
          t += v.data[12345] - 57 + 1;
          v.release();
        }
        return t;
      };
    },
    check: (v, n) => v === n,
  },

  // ---- asyncio on the JS event loop (issue 9); async rows: timed until they settle
  {
    key: "asyncio_sleep0",
    title: "await asyncio.sleep(0) round trips (runPythonAsync)",
    n: 20000,
    make: (rt) => (n) => rt.runPythonAsync(`await bench_sleep0(${n})`),
    check: (v, n) => v === n,
  },
  {
    key: "asyncio_tasks_js_promise",
    title: "tasks each awaiting a resolved JS promise (gather), per task",
    n: 10000,
    make: (rt) => {
      globalThis.benchResolved = Promise.resolve(1);
      return (n) => rt.runPythonAsync(`from js import benchResolved\nawait bench_tasks_js(${n}, benchResolved)`);
    },
    check: (v, n) => v === n,
  },
  {
    key: "js_awaits_coroutine",
    title: "JS await of a Python coroutine that returns at once",
    n: 5000,
    make: (rt) => {
      const f = rt.globals.get("bench_coro_now");
      return async (n) => {
        let t = 0;
        for (let i = 0; i < n; i++) t += await f();
        return t;
      };
    },
    check: (v, n) => v === n,
  },

  // ---- the Pyodide-compatible runtime surface (issue 10)
  {
    key: "interrupt_buffer_loop",
    title: "empty Python loop with setInterruptBuffer set (polling cost)",
    make: (rt) => {
      const buf = new Int32Array(new SharedArrayBuffer(4));
      return (n) => {
        rt.setInterruptBuffer(buf);
        try {
          return rt.runPython(`bench_empty_loop(${n})`);
        } finally {
          rt.setInterruptBuffer(undefined);
        }
      };
    },
    check: (v) => v === undefined,
  },
  {
    key: "pyfetch_local",
    title: "pyodide.http.pyfetch + text() of a 5-byte response from 127.0.0.1",
    n: 1000,
    make: (rt) => (n) => rt.runPythonAsync(`await bench_pyfetch(${n})`),
    check: (v, n) => v === 5 * n,
  },
  {
    key: "unpack_archive",
    title: "unpackArchive of a 10-file zip (per archive)",
    n: 500,
    make: (rt) => {
      const zip = rt.runPython("bench_zip()").toJs();
      return (n) => {
        for (let i = 0; i < n; i++) rt.unpackArchive(zip, "zip", { extractDir: "/tmp/bench_unpack" });
        return n;
      };
    },
    check: (v, n) => v === n,
  },

  // ---- proxies made and dropped
  {
    key: "jsproxy_make_drop",
    title: "JsProxy made and dropped (Python reads o.child)",
    floored: true,
    make: (rt) => leakChecked(rt, (n) => rt.runPython(`bench_jsproxy_make_drop(${n})`)),
    check: (v) => v === 1,
  },
  {
    key: "pyproxy_make_destroy",
    title: "PyProxy made and destroyed (JS: c.child.destroy())",
    floored: true,
    make: (rt) => {
      const p = rt.globals.get("bench_nest");
      const first = p.child;
      if (typeof first !== "object" || first.v !== 1) throw new Error(`c.child is not a PyProxy of the child: ${String(first)}`);
      first.destroy();
      return leakChecked(rt, (n) => {
        let c = 0;
        for (let i = 0; i < n; i++) {
          p.child.destroy();
          c++;
        }
        return c;
      });
    },
    check: (v, n) => v === n,
  },
];

const SETUP = SETUP_HEAD + "\n" + generated.join("\n");

// The floor for our "floored" rows, in ns per op, from two rows measured on
// our runtime in this same run:
//   floor = floor_py_builtin_call + floor_import
// i.e. what one iteration of a Python loop calling a C builtin costs (loop
// included, as in the Python-driven rows), plus one bare wasm->JS import call.
// Python->JS rows: at the very least the Python loop and call machinery, and
// one crossing into JS. JS->Python rows: one JS->wasm crossing (taken to cost
// about what a wasm->JS import does) plus one trivial Python-level call; the
// builtin row stands in for that call. It includes a Python loop iteration the
// JS-driven rows do not pay, and a builtin call is cheaper than a `def` call
// (see the "Python calls a trivial Python function" row): one formula for all
// rows, read as an order of magnitude, not an exact minimum. It leaves out any
// work the row itself asks for (converting or copying a 4096-char string,
// allocating a proxy), so those rows sit further from it by design.
function floorNs(ours, n) {
  const imp = ours?.ops.floor_import;
  const builtin = ours?.ops.floor_py_builtin_call;
  if (!imp || !builtin) return undefined;
  return { importNs: (imp.ms * 1e6) / n, builtinNs: (builtin.ms * 1e6) / n, ns: ((imp.ms + builtin.ms) * 1e6) / n };
}

/**
 * Time one operation on every runtime, interleaved: each repetition runs every
 * runtime back to back (alternating which goes first), so a noisy moment on
 * this shared machine hits both sides alike rather than one side's whole run.
 * `fns` maps a runtime name to its operation; returns name -> {rate, ms, times}
 * or name -> Error.
 */
async function measureInterleaved(fns, check, n, reps) {
  const out = {};
  const live = [];
  for (const [name, fn] of Object.entries(fns)) {
    try {
      let v0 = fn(n); // warm-up
      if (v0 instanceof Promise) v0 = await v0;
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
        let v = fns[name](n);
        if (v instanceof Promise) v = await v; // an async row: timed until it settles
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

const fmtRate = (r) => (r >= 1e6 ? `${(r / 1e6).toFixed(2)} M/s` : r >= 1e4 ? `${(r / 1e3).toFixed(1)} k/s` : `${r.toPrecision(3)} /s`);
const fmtMs = (ms) => `${ms.toFixed(0)} ms`;
const fmtBytes = (b) => (b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${(b / 1e3).toFixed(1)} kB`);
const pad = (s, n) => (String(s).length >= n ? String(s) : String(s) + " ".repeat(n - String(s).length));
const lpad = (s, n) => (String(s).length >= n ? String(s) : " ".repeat(n - String(s).length) + String(s));

function printTable(rows) {
  const head = ["benchmark", "ours", "pyodide", "ours/pyodide", "ours vs floor", "better", "key"];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const left = new Set([0, 5, 6]);
  const line = (r) => r.map((c, i) => (left.has(i) ? pad(c, w[i]) : lpad(c, w[i]))).join("  ").trimEnd();
  console.log(line(head));
  console.log("-".repeat(w.reduce((a, b) => a + b, 0) + 2 * (w.length - 1)));
  for (const r of rows) console.log(line(r));
}

const errorText = (e) => `${e.name}: ${String(e.message).split("\n").slice(-3).join(" | ")}`;

function gitCommit() {
  try {
    return execFileSync("git", ["-C", ROOT, "rev-parse", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- main

/** A 127.0.0.1 server answering "hello" to everything (the pyfetch row). */
function startBenchServer() {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/plain", "content-length": 5 });
    res.end("hello");
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const benchServer = await startBenchServer();
  globalThis.benchServerURL = `http://127.0.0.1:${benchServer.address().port}/`;
  if (opts.package) {
    OUR_PACKAGE = path.join(opts.package, "index.js");
    OUR_DIST = path.join(opts.package, "dist");
  }
  const names = opts.only ? [opts.only] : ["ours", "pyodide"];
  const wanted = (key) => opts.filter === null || key.includes(opts.filter);
  const ops = OPS.filter((op) => op.always || wanted(op.key));
  const STARTUP_KEYS = ["startup_first", "startup_warm"];
  const SIZE_KINDS = ["wasm", "stdlib", "js", "total"];
  const sizeKey = (k, kind) => `size_${k}_${kind}`;
  const SIZE_KEYS = SIZE_KINDS.flatMap((k) => ["raw", "gz"].map((kind) => sizeKey(k, kind)));
  const doStartup = STARTUP_KEYS.some(wanted);
  const doSizes = SIZE_KEYS.some(wanted);
  if (opts.filter !== null && !doStartup && !doSizes && !OPS.some((op) => !op.always && wanted(op.key))) {
    die(`--filter ${opts.filter} matches no row; keys: ${[...OPS.map((op) => op.key), ...STARTUP_KEYS, ...SIZE_KEYS].join(" ")}`);
  }
  const results = {};
  const loaded = {};
  let missingOurs = null;
  console.log(
    `e2e bench: Node ${process.version}, n=${opts.n} ops per run, warm-up + median of ${opts.reps}; ` +
      (doStartup ? `start-up: first load + median of ${opts.startupRuns} more` : "start-up not measured") +
      (opts.filter !== null ? `; filter "${opts.filter}"` : "") +
      (opts.package ? `; ours from ${opts.package}` : ""),
  );
  for (const name of names) {
    const rt = RUNTIMES[name];
    const why = rt.available();
    if (why) {
      console.log(`${name}: unavailable: ${why}`);
      if (name === "ours") missingOurs = why;
      continue;
    }
    const res = { ops: {}, errors: {}, na: {}, loaded: false };
    results[name] = res;
    if (doStartup) {
      process.stdout.write(`${name}: start-up ...`);
      try {
        res.startup = await measureStartup(rt, opts.startupRuns);
        process.stdout.write(` first ${fmtMs(res.startup.first)}, warm median ${fmtMs(res.startup.warm)}\n`);
      } catch (e) {
        res.errors.startup = e;
        process.stdout.write(` FAILED: ${e.message}\n`);
        continue;
      }
    }
    try {
      loaded[name] = await rt.load();
      loaded[name].runPython(SETUP);
      res.loaded = true;
    } catch (e) {
      delete loaded[name];
      res.errors.setup = e;
      console.log(`${name}: setup FAILED: ${e.message}`);
      continue;
    }
    if (doSizes) res.sizes = sizes(rt.files());
  }

  // The crossings, each measured on both runtimes interleaved. The floor rows
  // are measured last (shown first): by then the engine has tiered up the
  // interpreter's hot paths, which a row measured first may not see yet, and a
  // floor that is too slow would flatter every "ours vs floor" figure.
  const measureOrder = [...ops.filter((op) => !op.always), ...ops.filter((op) => op.always)];
  for (const op of measureOrder) {
    const fns = {};
    for (const [name, py] of Object.entries(loaded)) {
      if (op.runtimes && !op.runtimes.includes(name)) continue;
      try {
        fns[name] = op.make(py);
      } catch (e) {
        if (e instanceof NotApplicable) {
          results[name].na[op.key] = e.message;
          console.log(`${name}: ${op.title}: n/a (${e.message})`);
        } else {
          results[name].errors[op.key] = e;
          console.log(`${name}: ${op.title}: FAILED before timing: ${errorText(e)}`);
        }
      }
    }
    const measured = await measureInterleaved(fns, op.check, op.n ?? opts.n, opts.reps);
    for (const [name, m] of Object.entries(measured)) {
      if (m instanceof Error) {
        results[name].errors[op.key] = m;
        console.log(`${name}: ${op.title}: FAILED: ${errorText(m)}`);
      } else {
        results[name].ops[op.key] = m;
        console.log(`${name}: ${op.title}: ${fmtRate(m.rate)}`);
      }
    }
  }

  const ours = results.ours;
  const pyo = results.pyodide;
  const floor = floorNs(ours, opts.n);
  const ratio = (a, b) => (a !== undefined && b !== undefined ? `${(a / b).toFixed(2)}x` : "n/a");
  const cell = (res, op) => {
    if (!res) return "n/a";
    const name = res === ours ? "ours" : "pyodide";
    if (op.runtimes && !op.runtimes.includes(name)) return "-";
    if (!res.loaded) return "not run";
    if (res.ops[op.key]) return fmtRate(res.ops[op.key].rate);
    if (res.na[op.key] !== undefined) return "n/a";
    return "FAILED";
  };
  const floorX = (op) => {
    const m = ours?.ops[op.key];
    if (!op.floored || !m || !floor) return undefined;
    return (m.ms * 1e6) / opts.n / floor.ns;
  };
  const rows = [];
  for (const op of ops) {
    const a = ours?.ops[op.key]?.rate;
    const b = pyo?.ops[op.key]?.rate;
    const fx = floorX(op);
    const fcell = !op.floored ? "" : fx !== undefined ? `${fx.toFixed(1)}x floor` : "n/a";
    rows.push([op.title, cell(ours, op), cell(pyo, op), ratio(a, b), fcell, "higher", op.key]);
  }
  const s = (r, k) => r?.startup?.[k];
  if (doStartup) {
    for (const [k, label] of [["first", "start-up, first load (load -> first runPython)"], ["warm", "start-up, warm median (load -> first runPython)"]]) {
      if (!wanted(`startup_${k}`)) continue;
      rows.push([label, s(ours, k) ? fmtMs(s(ours, k)) : "n/a", s(pyo, k) ? fmtMs(s(pyo, k)) : "n/a", ratio(s(ours, k), s(pyo, k)), "", "lower", `startup_${k}`]);
    }
  }
  const sizeLabels = { wasm: "wasm module", stdlib: "stdlib zip", js: "JS glue", total: "total shipped" };
  for (const k of SIZE_KINDS) {
    for (const kind of ["raw", "gz"]) {
      if (!wanted(sizeKey(k, kind))) continue;
      const a = ours?.sizes?.[k]?.[kind];
      const b = pyo?.sizes?.[k]?.[kind];
      rows.push([`size: ${sizeLabels[k]}, ${kind === "raw" ? "raw" : "gzip -9"}`, a !== undefined ? fmtBytes(a) : "n/a", b !== undefined ? fmtBytes(b) : "n/a", ratio(a, b), "", "lower", sizeKey(k, kind)]);
    }
  }
  console.log("");
  printTable(rows);
  for (const [name, r] of Object.entries(results)) {
    for (const [k, list] of Object.entries(r.sizes ?? {})) {
      if (list.missing.length) console.log(`note: ${name} ${k}: missing ${list.missing.join(", ")}`);
    }
  }
  if (floor) {
    console.log(
      `floor (ours, ns/op): ${floor.ns.toFixed(1)} = Python builtin call in a loop ${floor.builtinNs.toFixed(1)} + bare wasm->JS import ${floor.importNs.toFixed(1)}; ` +
        `"ours vs floor" = ours' time per op / floor (lower is closer).`,
    );
  } else {
    const why = ours?.na.floor_import ?? (ours ? "a floor row failed" : "ours not measured");
    console.log(`floor: n/a (${why})`);
  }
  if (doSizes) {
    console.log(
      "files: ours = dist/bridge_js_bg.wasm | dist/python313.zip | dist/bridge_js.js + bridge-js/package/*.js + @bjorn3/browser_wasi_shim/dist/*.js;\n" +
        "       pyodide = pyodide.asm.wasm | python_stdlib.zip | pyodide.asm.mjs + pyodide.mjs.",
    );
  }
  console.log("Rates include the loop around each operation.");

  if (opts.json) {
    const nsPerOp = (m) => 1e9 / m.rate;
    const out = {
      meta: {
        date: new Date().toISOString(),
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
        commit: gitCommit(),
        pyodideVersion: PYODIDE_VERSION,
        n: opts.n,
        reps: opts.reps,
        startupRuns: opts.startupRuns,
        only: opts.only,
        filter: opts.filter,
        ourPackage: path.dirname(OUR_PACKAGE),
      },
      floor: floor ?? null,
      rows: Object.fromEntries(
        ops.map((op) => [op.key, { title: op.title, floored: !!op.floored, oursVsFloor: floorX(op) ?? null }]),
      ),
      runtimes: Object.fromEntries(
        Object.entries(results).map(([name, r]) => [
          name,
          {
            ops: Object.fromEntries(
              Object.entries(r.ops).map(([k, m]) => [k, { rate: m.rate, medianMs: m.ms, nsPerOp: nsPerOp(m), timesMs: m.times }]),
            ),
            startup: r.startup ? { firstMs: r.startup.first, warmMedianMs: r.startup.warm, allMs: r.startup.all } : null,
            sizes: r.sizes ?? null,
            notApplicable: r.na,
            errors: Object.fromEntries(Object.entries(r.errors).map(([k, e]) => [k, errorText(e)])),
          },
        ]),
      ),
    };
    fs.writeFileSync(opts.json, JSON.stringify(out, null, 2) + "\n");
    console.log(`wrote ${opts.json}`);
  }

  benchServer.closeAllConnections();
  benchServer.close();
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
