#!/usr/bin/env node
// CPython's own test suite (the `test` package of the CPython source) run
// inside our runtime in Node: each test file in a fresh runtime in its own
// Node process (so a crash, a hang or a leak stays in that file), with a
// time limit per file. Prints one line per file and the totals: files run,
// passed, failed and skipped, and tests run.
//
//   node bridge-js/tests/cpython/run.mjs --lib DIR [--all | --subset FILE | NAME...]
//        [--expected FILE] [--timeout SECONDS] [--jobs N] [--json FILE] [-v]
//
// DIR holds the `test` package (cargo xtask extracts it from the CPython
// tarball). --subset FILE takes the file names listed there (the CI subset,
// subset.txt); --all takes every test_* file and package. A test listed in
// the expected-failures file (first column: a test-id glob, or a file name
// for a whole file; then the reason) may fail; the run exits non-zero when any
// other test fails, a file times out or crashes — except with --all, which
// only reports unless --strict is given.
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../../..");
const MARKER = "CPYTHON-TESTS-RESULT ";
const USAGE =
  "usage: node bridge-js/tests/cpython/run.mjs --lib DIR [--all | --subset FILE | NAME...] [--expected FILE] [--timeout SECONDS] [--jobs N] [--json FILE] [--strict] [-v]";

function die(msg) {
  console.error(msg);
  process.exit(2);
}

function parseArgs(argv) {
  const o = { lib: null, all: false, subset: null, names: [], expected: path.join(HERE, "expected-failures.txt"), timeout: 300, jobs: 1, json: null, strict: false, verbose: false, child: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => (i + 1 < argv.length ? argv[++i] : die(`${a} needs a value\n${USAGE}`));
    const count = () => {
      const v = Number(next());
      if (!Number.isInteger(v) || v < 1) die(`${a} needs a positive integer\n${USAGE}`);
      return v;
    };
    if (a === "--lib") o.lib = next();
    else if (a === "--all") o.all = true;
    else if (a === "--subset") o.subset = next();
    else if (a === "--expected") o.expected = next();
    else if (a === "--timeout") o.timeout = count();
    else if (a === "--jobs") o.jobs = count();
    else if (a === "--json") o.json = next();
    else if (a === "--strict") o.strict = true;
    else if (a === "-v" || a === "--verbose") o.verbose = true;
    else if (a === "--child") o.child = true;
    else if (a === "-h" || a === "--help") {
      console.log(USAGE);
      process.exit(0);
    } else if (a.startsWith("-")) die(`unknown option ${a}\n${USAGE}`);
    else if (/^test_[A-Za-z0-9_]+$/.test(a)) o.names.push(a);
    else die(`${a} is not a test file name (test_...)\n${USAGE}`);
  }
  if (!o.lib) die(`--lib is required\n${USAGE}`);
  if (!fs.existsSync(path.join(o.lib, "test", "__init__.py"))) die(`${o.lib} has no test/__init__.py (the CPython test package)`);
  return o;
}

/** Lines of a list file, without comments (`#` to the end of the line) and blanks. */
function listLines(file) {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .map((l, n) => [l.replace(/#.*/, "").trim(), n + 1])
    .filter(([l]) => l);
}

/** Expected failures: `<glob> <reason>` per line; a glob without a dot names a whole file. */
function readExpected(file) {
  if (!fs.existsSync(file)) return [];
  return listLines(file).map(([l, n]) => {
    const m = /^(\S+)\s+(.+)$/.exec(l);
    if (!m) die(`${file}:${n}: an expected failure needs a reason after the test id`);
    const glob = m[1];
    const re = new RegExp("^" + glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$");
    return { glob, reason: m[2], re, wholeFile: !glob.includes("."), used: 0 };
  });
}

function allTests(lib) {
  const dir = path.join(lib, "test");
  return fs
    .readdirSync(dir)
    .filter((n) => /^test_[A-Za-z0-9_]+(\.py)?$/.test(n))
    .filter((n) => n.endsWith(".py") || fs.existsSync(path.join(dir, n, "__init__.py")))
    .map((n) => n.replace(/\.py$/, ""))
    .sort();
}

// ---------------------------------------------------------------- child

async function child(o) {
  const name = o.names[0];
  const { loadPython } = await import(pathToFileURL(path.join(ROOT, "bridge-js/package/index.js")).href);
  // The whole stdlib: the suite imports _pydecimal, _pyio and _pydatetime, and zoneinfo needs tzdata.
  const py = await loadPython({ fullStdLib: true, stdout: (s) => process.stdout.write(s + "\n"), stderr: (s) => process.stderr.write(s + "\n") });
  py.mountNodeFS("/cpython-tests", path.resolve(o.lib));
  const runner = fs.readFileSync(path.join(HERE, "child.py"), "utf8");
  py.globals.set("cpython_tests_runner_source", runner);
  py.runPython(
    `import sys\nsys.path.insert(0, "/cpython-tests")\n_ns = {"__name__": "cpython_tests_child"}\nexec(cpython_tests_runner_source, _ns)\n_ns["run"](${JSON.stringify(name)}, ${o.verbose ? "True" : "False"})`,
  );
}

// ---------------------------------------------------------------- parent

function runOne(o, name) {
  return new Promise((resolve) => {
    const args = [fileURLToPath(import.meta.url), "--child", "--lib", o.lib, name, ...(o.verbose ? ["-v"] : [])];
    const p = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    p.stdout.on("data", (d) => (out += d));
    p.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => p.kill("SIGKILL"), o.timeout * 1000);
    const t0 = performance.now();
    p.on("close", (code, signal) => {
      clearTimeout(timer);
      const seconds = (performance.now() - t0) / 1000;
      const line = out.split("\n").find((l) => l.startsWith(MARKER));
      let r;
      if (line) r = JSON.parse(line.slice(MARKER.length));
      else if (signal === "SIGKILL") r = { name, status: "failed", error: `timed out after ${o.timeout} s`, run: 0, failed: [] };
      else r = { name, status: "failed", error: `crashed (exit ${code ?? signal}): ${(err.trim().split("\n").slice(-6).join(" | ") || "no output").slice(0, 600)}`, run: 0, failed: [] };
      r.wall = Math.round(seconds * 10) / 10;
      r.output = out.replace(/^CPYTHON-TESTS-RESULT .*$/m, "") + err;
      resolve(r);
    });
  });
}

function judge(r, expected) {
  const fileExp = expected.find((e) => e.wholeFile && e.re.test(r.name));
  if (r.status === "failed" && (r.failed.length === 0 || fileExp)) {
    if (fileExp) {
      fileExp.used++;
      return { verdict: "xfail", unexpected: [], note: `${r.error ?? `${r.failed.length} failing`} (expected: ${fileExp.reason})` };
    }
    return { verdict: "FAIL", unexpected: [r.error ?? "failed"], note: r.error };
  }
  const unexpected = [];
  let matched = 0;
  for (const id of r.failed ?? []) {
    const e = expected.find((x) => !x.wholeFile && x.re.test(id));
    if (e) {
      e.used++;
      matched++;
    } else unexpected.push(id);
  }
  if (unexpected.length) return { verdict: "FAIL", unexpected, note: `${unexpected.length} unexpected failure(s)` };
  if (matched) return { verdict: "xfail", unexpected, note: `${matched} expected failure(s)` };
  return { verdict: r.status === "skipped" ? "skip" : "pass", unexpected, note: r.status === "skipped" ? r.error : "" };
}

async function parent(o) {
  const names = o.names.length ? o.names : o.all ? allTests(o.lib) : o.subset ? listLines(o.subset).map(([l]) => l) : die(`give test names, --subset FILE or --all\n${USAGE}`);
  for (const n of names) if (!/^test_[A-Za-z0-9_]+$/.test(n)) die(`${n} is not a test file name`);
  const expected = readExpected(o.expected);
  console.log(`cpython-tests: ${names.length} file(s), one runtime each, ${o.jobs} at a time, ${o.timeout} s limit per file`);
  const results = new Array(names.length);
  let nextIdx = 0;
  const t0 = performance.now();
  async function worker() {
    while (nextIdx < names.length) {
      const i = nextIdx++;
      const r = await runOne(o, names[i]);
      const j = judge(r, expected);
      results[i] = { ...r, ...j };
      const counts = r.run ? `${r.run} run, ${r.skipped ?? 0} skipped` : "";
      console.log(`${j.verdict.padEnd(5)} ${r.name.padEnd(28)} ${counts.padEnd(22)} ${String(r.wall).padStart(6)} s  ${j.note ?? ""}`.trimEnd());
      if (j.verdict === "FAIL") {
        for (const id of j.unexpected.slice(0, 20)) console.log(`        ${id}`);
        if (o.verbose || !o.all) console.log(r.output.split("\n").slice(-40).map((l) => `      | ${l}`).join("\n"));
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(o.jobs, names.length) }, worker));
  const by = (v) => results.filter((r) => r.verdict === v).length;
  const tests = results.reduce((a, r) => a + (r.run ?? 0), 0);
  const testsFailed = results.reduce((a, r) => a + (r.failed?.length ?? 0), 0);
  const skippedTests = results.reduce((a, r) => a + (r.skipped ?? 0), 0);
  const run = results.filter((r) => r.verdict !== "skip").length;
  console.log(
    `\nfiles: ${names.length} run, ${by("pass")} passed, ${by("xfail")} passed with expected failures, ${by("FAIL")} failed, ${by("skip")} skipped (${run} ran tests)`,
  );
  console.log(`tests: ${tests} run, ${testsFailed} failed (${results.reduce((a, r) => a + r.unexpected.length, 0)} unexpected), ${skippedTests} skipped`);
  console.log(`time: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const stale = expected.filter((e) => e.used === 0 && names.some((n) => e.wholeFile ? e.re.test(n) : e.glob.startsWith(`test.${n}.`) || e.glob === `test.${n}`));
  for (const e of stale) console.log(`note: expected failure ${e.glob} did not fail in this run (${e.reason})`);
  if (o.json) fs.writeFileSync(o.json, JSON.stringify({ names, results: results.map(({ output, ...r }) => r) }, null, 1));
  const failed = by("FAIL");
  if (failed && (!o.all || o.strict)) {
    console.log(`${failed} file(s) failed`);
    process.exit(1);
  }
}

const opts = parseArgs(process.argv.slice(2));
if (opts.child) {
  child(opts).catch((e) => {
    console.error(`child: ${e?.stack ?? e}`);
    process.exit(1);
  });
} else {
  parent(opts);
}
