#!/usr/bin/env node
// Conformance runner: every case file in conformance/cases runs in Node 20 and
// in headless Chromium, and is reported per case and per host.
//
//   node conformance/run.mjs [--host node|chromium]... [--fresh] [--timeout MS] [FILTER...]
//
// FILTER: substrings; a case runs if its name contains any of them.
// Runtime sharing: by default each host loads ONE runtime and runs the cases
// in file-name order on it (as a user's page would). After every case a
// health check (`runPython("6 * 7") === 42`) proves the runtime is still
// usable; if it is not, the case fails and the host loads a fresh runtime.
// A case that exceeds its timeout fails and the host is restarted.
// --fresh loads a new runtime for every case instead.
// Cases must therefore not depend on each other; they may leave names in __main__.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadCases, HOSTS } from "./harness/cases.mjs";
import { check, firstLines } from "./harness/check.mjs";
import { NodeHost, ChromiumHost } from "./harness/hosts.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");
const PACKAGES = {
  // name -> [module exporting loadPython/PythonError, a file that must exist first, hint]
  ours: ["bridge-js/package/index.js", "bridge-js/package/dist/bridge_js_bg.wasm", "Run `cargo xtask build` first."],
  pyodide: [
    "conformance/harness/pyodide-adapter.mjs",
    "benches/e2e/node_modules/pyodide/pyodide.asm.wasm",
    "Run `npm ci` in benches/e2e first.",
  ],
};

function usage(code) {
  console.log(
    "usage: node conformance/run.mjs [--host node|chromium]... [--fresh] [--timeout MS] [--list] [--package ours|pyodide] [FILTER...]",
  );
  process.exit(code);
}

function parseArgs(argv) {
  const o = { hosts: [], filters: [], fresh: false, timeout: 30_000, list: false, package: "ours" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--host" || a.startsWith("--host=")) {
      const v = a === "--host" ? argv[++i] : a.slice(7);
      for (const h of String(v).split(",")) {
        if (!HOSTS.includes(h)) {
          console.error(`unknown host ${JSON.stringify(h)} (want one of ${HOSTS.join(", ")})`);
          usage(2);
        }
        o.hosts.push(h);
      }
    } else if (a === "--package") {
      o.package = argv[++i];
      if (!(o.package in PACKAGES)) usage(2);
    } else if (a === "--fresh") o.fresh = true;
    else if (a === "--list") o.list = true;
    else if (a === "--timeout") o.timeout = Number(argv[++i]);
    else if (a === "-h" || a === "--help") usage(0);
    else if (a.startsWith("-")) {
      console.error(`unknown option ${a}`);
      usage(2);
    } else o.filters.push(a);
  }
  if (!o.hosts.length) o.hosts = [...HOSTS];
  if (!(o.timeout > 0)) usage(2);
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const { cases: allCases, errors: formatErrors } = loadCases(path.join(HERE, "cases"));
const selected = allCases.filter((c) => !opts.filters.length || opts.filters.some((f) => c.name.includes(f)));

if (opts.list) {
  for (const c of selected) console.log(`${c.name}.${c.kind}  [${c.hosts.join(",")}]  ${c.description}`);
  process.exit(0);
}

let passed = 0;
let failed = 0;
const matrix = new Map(); // case name -> {host: "pass"|"FAIL"|"-"}
const perHost = Object.fromEntries(opts.hosts.map((h) => [h, { passed: 0, failed: 0 }]));

for (const e of formatErrors) {
  console.log(`FAIL  (format)    ${e.message}`);
  failed++;
}
if (!selected.length && !formatErrors.length) {
  console.log(`no case matches ${opts.filters.join(" ")}`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}

function record(c, host, ok) {
  if (!matrix.has(c.name)) matrix.set(c.name, {});
  matrix.get(c.name)[host] = ok ? "pass" : "FAIL";
  perHost[host][ok ? "passed" : "failed"]++;
  if (ok) passed++;
  else failed++;
}

function pad(s, n) {
  s = String(s);
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}

const [packageRel, requiredRel, hint] = PACKAGES[opts.package];
const PACKAGE_INDEX = path.join(ROOT, packageRel);
const distMissing = [packageRel, requiredRel].filter((f) => !fs.existsSync(path.join(ROOT, f)));
if (distMissing.length) {
  console.log(`the runtime is not there: ${distMissing.join(" and ")} missing. ${hint}`);
}

console.log(
  `conformance: ${selected.length} case(s), package: ${packageRel}, hosts: ${opts.hosts.join(", ")}, runtime: ${opts.fresh ? "fresh per case" : "one per host (shared)"}`,
);

for (const hostName of opts.hosts) {
  const cases = selected.filter((c) => c.hosts.includes(hostName));
  for (const c of selected.filter((c) => !c.hosts.includes(hostName))) {
    if (!matrix.has(c.name)) matrix.set(c.name, {});
    matrix.get(c.name)[hostName] = "-";
  }
  if (!cases.length) continue;
  if (distMissing.length) {
    for (const c of cases) {
      console.log(`FAIL  ${pad(hostName, 9)} ${c.name}: runtime not built`);
      record(c, hostName, false);
    }
    continue;
  }
  const host = hostName === "node" ? new NodeHost({ packageIndex: PACKAGE_INDEX }) : new ChromiumHost({ packageURL: "/" + packageRel });
  try {
    let started = await host.start();
    if (!started.ok) {
      const e = started.error;
      console.log(`[${hostName}] loadPython() failed: ${e.name}${e.type ? ` (${e.type})` : ""}: ${firstLines(e.message, 20)}`);
      if (started.log?.length) console.log(`[${hostName}] page log:\n  ${started.log.slice(-20).join("\n  ")}`);
      for (const c of cases) {
        console.log(`FAIL  ${pad(hostName, 9)} ${c.name}: runtime failed to load`);
        record(c, hostName, false);
      }
      continue;
    }
    console.log(`[${hostName}] runtime loaded in ${started.ms.toFixed(0)} ms`);
    let needRestart = false;
    for (const c of cases) {
      if (needRestart || opts.fresh) {
        started = await host.restart();
        needRestart = false;
        if (!started.ok) {
          console.log(`FAIL  ${pad(hostName, 9)} ${c.name}: reloading the runtime failed: ${started.error.message}`);
          record(c, hostName, false);
          needRestart = true;
          continue;
        }
      }
      const out = await host.run(c, c.timeout ?? opts.timeout);
      const reasons = out.harnessError ? [`harness error: ${out.error.message}`] : check(c, out);
      if (out.timedOut) reasons.unshift(`timed out (${c.timeout ?? opts.timeout} ms); host restarted`);
      const ok = reasons.length === 0;
      record(c, hostName, ok);
      const ms = out.ms !== undefined ? ` (${out.ms.toFixed(1)} ms)` : "";
      console.log(`${ok ? "pass" : "FAIL"}  ${pad(hostName, 9)} ${c.name}${ms}`);
      if (!ok) {
        if (c.description) console.log(`        case: ${c.description}`);
        for (const r of reasons) console.log(`        ${r}`);
        if (out.stderr) console.log(`        stderr: ${firstLines(out.stderr, 8)}`);
      }
      if (out.timedOut || out.healthy === false || out.harnessError) needRestart = true;
    }
  } finally {
    await host.close();
  }
}

// Per case x host matrix.
console.log("");
const width = Math.max(4, ...[...matrix.keys()].map((k) => k.length));
console.log(`${pad("case", width)}  ${opts.hosts.map((h) => pad(h, 9)).join("")}`);
for (const [name, row] of [...matrix.entries()].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`${pad(name, width)}  ${opts.hosts.map((h) => pad(row[h] ?? "-", 9)).join("")}`);
}
console.log("");
console.log(`per host: ${opts.hosts.map((h) => `${h} ${perHost[h].passed} pass / ${perHost[h].failed} fail`).join("; ")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
