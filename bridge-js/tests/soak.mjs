#!/usr/bin/env node
// Soak: every crossing kind, many times over, on one runtime, with nothing
// left behind. For each kind: a warm-up, then the operations in chunks with a
// full collection (Python `gc.collect()`, V8 `gc()`, FinalizationRegistry
// callbacks) after each chunk. Asserts that both handle tables are back to
// their baseline and that wasm linear memory stopped growing after the
// warm-up (within --max-growth bytes); prints, per kind, operations, rate,
// memory growth per 10^6 operations and Python's allocated-block delta.
//
//   node --expose-gc bridge-js/tests/soak.mjs [--ops N] [--lifecycles N] [--only SUBSTR] [--json FILE]
//
// `cargo xtask soak` runs it with 10^6 operations per kind and 10^5 proxy
// lifecycles; `cargo xtask test` runs a short version. Prints "N passed, N
// failed" and exits non-zero on any failure.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const USAGE = "usage: node --expose-gc bridge-js/tests/soak.mjs [--ops N] [--lifecycles N] [--only SUBSTR] [--json FILE] [--max-growth BYTES]";

function parseArgs(argv) {
  const o = { ops: 1_000_000, lifecycles: 100_000, only: null, json: null, maxGrowth: 1 << 20 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) fail(`${a} needs a value\n${USAGE}`);
      return argv[++i];
    };
    const count = () => {
      const v = Number(next());
      if (!Number.isInteger(v) || v < 1) fail(`${a} needs a positive integer\n${USAGE}`);
      return v;
    };
    if (a === "--ops") o.ops = count();
    else if (a === "--lifecycles") o.lifecycles = count();
    else if (a === "--max-growth") o.maxGrowth = count();
    else if (a === "--only") o.only = next();
    else if (a === "--json") o.json = next();
    else if (a === "-h" || a === "--help") {
      console.log(USAGE);
      process.exit(0);
    } else fail(`unknown argument ${a}\n${USAGE}`);
  }
  return o;
}

function fail(msg) {
  console.error(msg);
  process.exit(2);
}

if (typeof globalThis.gc !== "function") fail("soak needs a full GC on demand: run it with node --expose-gc");

const opts = parseArgs(process.argv.slice(2));
const { loadPython } = await import(pathToFileURL(path.join(ROOT, "bridge-js/package/index.js")).href);
const py = await loadPython();

const tick = () => new Promise((r) => setTimeout(r, 0));
async function collect() {
  for (let i = 0; i < 2; i++) {
    py.runPython("__import__('gc').collect() and None");
    globalThis.gc();
    for (let t = 0; t < 3; t++) await tick();
  }
}
const memBytes = () => py.mem.memory.buffer.byteLength;
const blocks = () => py.runPython("__import__('sys').getallocatedblocks()");

py.runPython(`
import js
from pyodide.ffi import create_proxy, to_js, JsException

class SoakObj:
    def __init__(self):
        self.val = 1
    def m(self, x):
        return x

soak_obj = SoakObj()
soak_list = list(range(100))
soak_bytes = bytes(range(256)) * 16

def soak_ident(x):
    return x

def soak_make():
    return [1, "two", {"three": 3}]

def soak_raise(x):
    raise ValueError(f"soak {x}")

async def soak_coro(x):
    return x + 1

def soak_py_calls_js(n):
    f = js.soakJs.f
    o = js.soakJs.obj
    s = 0
    for i in range(n):
        s += f(i, "ab", o)
    return s

def soak_py_attrs_js(n):
    o = js.soakJs.obj
    for i in range(n):
        o.x = i
        o.x
        o.name

def soak_py_iterates_js(n):
    a = js.soakJs.arr
    s = 0
    for _ in range(n // 100):
        for x in a:
            s += x
    return s

def soak_to_py(n):
    v = js.soakJs.nested
    for _ in range(n):
        v.to_py()

def soak_to_js(n):
    d = {"a": [1, 2.5, "x"], "b": {"c": None, "d": True}}
    for _ in range(n):
        to_js(d)

def soak_create_proxy(n):
    def cb(x):
        return x
    for _ in range(n):
        create_proxy(cb).destroy()

def soak_js_exceptions(n):
    t = js.soakJs.thrower
    c = 0
    for i in range(n):
        try:
            t(i)
        except JsException:
            c += 1
    return c

async def soak_awaits_js(n):
    mk = js.soakJs.promise
    s = 0
    for i in range(n):
        s += await mk(i)
    return s
`);

globalThis.soakJs = {
  f: (i, s, o) => i + s.length + (o.x ? 0 : 0),
  obj: { x: 0, name: "soak" },
  arr: Array.from({ length: 100 }, (_, i) => i),
  nested: { a: [1, 2, 3], b: { c: "d", e: [true, null] }, f: 1.5 },
  thrower: (i) => {
    throw new RangeError(`soak js ${i}`);
  },
  promise: (i) => Promise.resolve(i),
};

const g = (name) => py.globals.get(name);

/**
 * Each kind: `setup()` returns `run(n)`, which performs n operations (sync or
 * async) and returns something checked to prove they really ran.
 */
const KINDS = [
  {
    key: "py_calls_js",
    title: "Python calls JS f(i, 'ab', obj)",
    setup: () => {
      const f = g("soak_py_calls_js");
      return (n) => f(n) === (n * (n - 1)) / 2 + 2 * n || `wrong sum`;
    },
  },
  {
    key: "js_calls_py",
    title: "JS calls Python f(i), and f() returning a list (destroyed)",
    setup: () => {
      const f = g("soak_ident");
      const make = g("soak_make");
      return (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) {
          if (i % 4 === 0) {
            const l = make();
            s += l.length;
            l.destroy();
          } else s += f(1);
        }
        return s > 0 || "no calls ran";
      };
    },
  },
  {
    key: "py_attrs_js",
    title: "Python gets and sets JS attributes (o.x = i; o.x; o.name)",
    setup: () => {
      const f = g("soak_py_attrs_js");
      return (n) => {
        f(Math.ceil(n / 3));
        return soakJs.obj.x === Math.ceil(n / 3) - 1 || `o.x is ${soakJs.obj.x}`;
      };
    },
  },
  {
    key: "js_attrs_py",
    title: "JS gets and sets Python attributes (o.val = i; o.val; o.m(i))",
    setup: () => {
      const o = g("soak_obj");
      return (n) => {
        let s = 0;
        for (let i = 0; i < n; i += 3) {
          o.val = i;
          s += o.val;
          s += o.m(1);
        }
        return s > 0 || "no attribute ran";
      };
    },
  },
  {
    key: "py_iterates_js",
    title: "Python iterates a JS array (per element)",
    setup: () => {
      const f = g("soak_py_iterates_js");
      return (n) => f(n) === Math.floor(n / 100) * 4950 || "wrong sum";
    },
  },
  {
    key: "js_iterates_py",
    title: "JS for…of over a Python list (per element)",
    setup: () => {
      const l = g("soak_list");
      return (n) => {
        let s = 0;
        for (let r = 0; r < n / 100; r++) for (const x of l) s += x;
        return s === Math.ceil(n / 100) * 4950 || `wrong sum ${s}`;
      };
    },
  },
  {
    key: "to_py",
    title: "to_py() of a nested JS object",
    setup: () => {
      const f = g("soak_to_py");
      return (n) => (f(n), true);
    },
  },
  {
    key: "to_js",
    title: "to_js() of a nested Python dict (from Python)",
    setup: () => {
      const f = g("soak_to_js");
      return (n) => (f(n), true);
    },
  },
  {
    key: "tojs_from_js",
    title: "PyProxy.toJs() of a Python list, from JS",
    setup: () => {
      const l = g("soak_list");
      return (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += l.toJs().length;
        return s === 100 * n || "wrong length";
      };
    },
  },
  {
    key: "getbuffer",
    title: "getBuffer() + release() of 4 KiB bytes",
    setup: () => {
      const b = g("soak_bytes");
      return (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) {
          const buf = b.getBuffer();
          s += buf.data[1];
          buf.release();
        }
        return s === n || "wrong byte";
      };
    },
  },
  {
    key: "create_proxy",
    title: "create_proxy(f).destroy() from Python",
    setup: () => {
      const f = g("soak_create_proxy");
      return (n) => (f(n), true);
    },
  },
  {
    key: "py_awaits_js",
    title: "Python awaits a JS promise",
    setup: () => {
      const f = g("soak_awaits_js");
      return async (n) => (await f(n)) === (n * (n - 1)) / 2 || "wrong sum";
    },
  },
  {
    key: "js_awaits_py",
    title: "JS awaits a Python coroutine",
    setup: () => {
      const f = g("soak_coro");
      return async (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += await f(i);
        return s === (n * (n + 1)) / 2 || "wrong sum";
      };
    },
  },
  {
    key: "py_catches_js",
    title: "a JS throw caught in Python (JsException)",
    setup: () => {
      const f = g("soak_js_exceptions");
      return (n) => f(n) === n || "not every throw was caught";
    },
  },
  {
    key: "js_catches_py",
    title: "a Python raise caught in JS (PythonError)",
    setup: () => {
      const f = g("soak_raise");
      return (n) => {
        let c = 0;
        for (let i = 0; i < n; i++) {
          try {
            f(i);
          } catch (e) {
            if (e instanceof py.PythonError && e.type === "ValueError") c++;
          }
        }
        return c === n || "not every raise was caught";
      };
    },
  },
  {
    key: "finalization",
    title: "PyProxies dropped without destroy(): released by the FinalizationRegistry",
    lifecycles: true,
    setup: () => {
      const make = g("soak_make");
      return (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += make().length;
        return s === 3 * n || "wrong length";
      };
    },
  },
];

const results = [];
let passed = 0;
let failed = 0;
function check(ok, what, detail) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${detail ? `: ${detail}` : ""}`);
}

const ops0 = (nChunks, chunk) => Math.max(1, nChunks * chunk);
const fmtRate = (r) => (r >= 1e6 ? `${(r / 1e6).toFixed(2)} M/s` : `${(r / 1e3).toFixed(1)} k/s`);

for (const kind of KINDS) {
  if (opts.only && !kind.key.includes(opts.only)) continue;
  const total = kind.lifecycles ? opts.lifecycles : opts.ops;
  // Chunks of at most 20000: a synchronous loop never lets FinalizationRegistry
  // callbacks run, so what JS drops without destroy() (PythonErrors, proxies)
  // stays pinned until the loop yields; the chunk bounds that population, and
  // the collection after each chunk is where a real page would yield.
  const chunk = Math.min(20_000, Math.ceil(total / 10));
  const chunks = Math.ceil(total / chunk);
  // Warm-up: one chunk, with the collection after it, so that the tables,
  // the allocator's free lists and V8's pending finalizers reach the size a
  // chunk needs before memory is measured.
  const warm = chunk;
  let run;
  try {
    run = kind.setup();
    const r = await run(warm);
    if (r !== true) throw new Error(`warm-up check: ${r}`);
  } catch (e) {
    check(false, kind.key, `setup or warm-up threw ${e?.name}: ${e?.message}`);
    continue;
  }
  await collect();
  const base = py.liveHandles();
  const mem0 = memBytes();
  const blocks0 = blocks();
  const memAfter = [];
  let bad = null;
  const t0 = performance.now();
  let busy = 0;
  for (let c = 0; c < chunks && !bad; c++) {
    const s = performance.now();
    try {
      const r = await run(chunk);
      if (r !== true) bad = `chunk ${c}: ${r}`;
    } catch (e) {
      bad = `chunk ${c} threw ${e?.name}: ${e?.message}`;
    }
    busy += performance.now() - s;
    await collect();
    memAfter.push(memBytes());
  }
  const wall = performance.now() - t0;
  await collect();
  // FinalizationRegistry callbacks may trail the collection a little.
  for (let i = 0; i < 20; i++) {
    const h = py.liveHandles();
    if (h.js === base.js && h.py === base.py) break;
    await collect();
  }
  const after = py.liveHandles();
  // Growth over all chunks, and over the second half: the allocator's free
  // lists settle during the first (fragmentation, not a leak: Python's
  // allocated blocks are unchanged), and memory must be flat in the second.
  const growth = memBytes() - mem0;
  const mid = memAfter[Math.floor(memAfter.length / 2) - 1] ?? mem0;
  const lateGrowth = memBytes() - mid;
  const lateOps = ops0(chunks - Math.floor(memAfter.length / 2), chunk);
  const dBlocks = blocks() - blocks0;
  const ops = chunk * chunks;
  const row = {
    key: kind.key,
    title: kind.title,
    ops,
    rate: ops / (busy / 1000),
    wallMs: wall,
    handlesBefore: base,
    handlesAfter: after,
    memoryGrowthBytes: growth,
    lateGrowthBytes: lateGrowth,
    growthPerMillion: (lateGrowth * 1e6) / lateOps,
    pythonBlocksDelta: dBlocks,
    memorySeries: memAfter,
  };
  results.push(row);
  check(!bad, `${kind.key}: ${ops} operations ran`, bad ?? `${fmtRate(row.rate)}`);
  check(
    after.js === base.js && after.py === base.py,
    `${kind.key}: live handles back to baseline`,
    `js ${base.js} -> ${after.js}, py ${base.py} -> ${after.py}`,
  );
  check(
    lateGrowth <= opts.maxGrowth,
    `${kind.key}: wasm memory flat after warm-up`,
    `second half +${lateGrowth} bytes (${Math.round(row.growthPerMillion)} per 10^6 ops; whole run +${growth}), Python blocks ${dBlocks >= 0 ? "+" : ""}${dBlocks}`,
  );
}

console.log("\n| kind | operations | rate | memory growth (whole run) | second half | per 10^6 ops (second half) | Python blocks Δ | handles js/py after |");
console.log("|---|---|---|---|---|---|---|---|");
for (const r of results) {
  console.log(
    `| ${r.key} | ${r.ops} | ${fmtRate(r.rate)} | ${r.memoryGrowthBytes} B | ${r.lateGrowthBytes} B | ${Math.round(r.growthPerMillion)} B | ${r.pythonBlocksDelta} | ${r.handlesAfter.js}/${r.handlesAfter.py} (baseline ${r.handlesBefore.js}/${r.handlesBefore.py}) |`,
  );
}
if (opts.json) fs.writeFileSync(opts.json, JSON.stringify({ opts, results }, null, 2));
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
