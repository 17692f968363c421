#!/usr/bin/env node
// Conformance runner: every case file in conformance/cases runs in Node 20 and
// in headless Chromium, and is reported per case and per host.
//
//   node conformance/run.mjs [--host node|chromium]... [--fresh] [--repeat N] [--timeout MS] [FILTER...]
//
// FILTER: substrings; a case runs if its name contains any of them.
// Runtime sharing: by default each host loads ONE runtime and runs the cases
// in file-name order on it (as a user's page would). After every case a
// health check (`runPython("6 * 7") === 42`) proves the runtime is still
// usable; if it is not, the case fails and the host loads a fresh runtime.
// Then the names the case added to __main__ and globalThis are deleted and
// both handle tables must be back to their counts from before the case, and
// the top-level Python stack depth unchanged (harness/exec.mjs); a changed
// depth also reloads the runtime.
// A case that exceeds its timeout fails and the host is restarted.
// --fresh loads a new runtime for every case instead.
// --repeat N runs the selected list N times on the same runtime (round 2 of
// case foo is reported as foo#2): what leaks or breaks only the second time shows.
// Cases must therefore not depend on each other.
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
    "usage: node conformance/run.mjs [--host node|chromium]... [--fresh] [--repeat N] [--timeout MS] [--list] [--package ours|pyodide] [FILTER...]",
  );
  process.exit(code);
}

function parseArgs(argv) {
  const o = { hosts: [], filters: [], fresh: false, repeat: 1, timeout: 30_000, list: false, package: "ours" };
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
    else if (a === "--repeat" || a.startsWith("--repeat=")) o.repeat = Number(a === "--repeat" ? argv[++i] : a.slice(9));
    else if (a === "-h" || a === "--help") usage(0);
    else if (a.startsWith("-")) {
      console.error(`unknown option ${a}`);
      usage(2);
    } else o.filters.push(a);
  }
  if (!o.hosts.length) o.hosts = [...HOSTS];
  if (!(o.timeout > 0)) usage(2);
  if (!(Number.isInteger(o.repeat) && o.repeat >= 1)) {
    console.error("--repeat wants a whole number >= 1");
    usage(2);
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const { cases: allCases, errors: formatErrors } = loadCases(path.join(HERE, "cases"));
const selected = allCases.filter((c) => !opts.filters.length || opts.filters.some((f) => c.name.includes(f)));

if (opts.list) {
  for (const c of selected) {
    console.log(`${c.name}.${c.kind}  [${c.hosts.join(",")}]${c.leaksOk ? `  (leaks-ok: ${c.leaksOk})` : ""}  ${c.description}`);
  }
  process.exit(0);
}

let passed = 0;
let failed = 0;
const matrix = new Map(); // case name -> {host: [true|false per round] | "-"}
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

function record(c, host, round, ok) {
  if (!matrix.has(c.name)) matrix.set(c.name, {});
  const row = matrix.get(c.name);
  if (!Array.isArray(row[host])) row[host] = [];
  row[host][round - 1] = ok;
  perHost[host][ok ? "passed" : "failed"]++;
  if (ok) passed++;
  else failed++;
}

/** A case's name in the report: round 1 is the plain name, round 2 `name#2`. */
function label(c, round) {
  return round === 1 ? c.name : `${c.name}#${round}`;
}

/** A matrix cell: "pass", "FAIL" (every round failed) or "FAIL#2,3" (only those rounds failed). */
function cell(results) {
  if (!Array.isArray(results)) return results ?? "-";
  const bad = results.map((ok, i) => (ok ? 0 : i + 1)).filter(Boolean);
  if (!bad.length) return "pass";
  if (bad.length === results.length) return "FAIL";
  return `FAIL#${bad.join(",")}`;
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
  `conformance: ${selected.length} case(s)${opts.repeat > 1 ? ` x ${opts.repeat} rounds` : ""}, package: ${packageRel}, hosts: ${opts.hosts.join(", ")}, runtime: ${opts.fresh ? "fresh per case" : "one per host (shared)"}`,
);

for (const hostName of opts.hosts) {
  const cases = selected.filter((c) => c.hosts.includes(hostName));
  for (const c of selected.filter((c) => !c.hosts.includes(hostName))) {
    if (!matrix.has(c.name)) matrix.set(c.name, {});
    matrix.get(c.name)[hostName] = "-";
  }
  if (!cases.length) continue;
  const runs = []; // [case, round], round by round
  for (let round = 1; round <= opts.repeat; round++) for (const c of cases) runs.push([c, round]);
  if (distMissing.length) {
    for (const [c, round] of runs) {
      console.log(`FAIL  ${pad(hostName, 9)} ${label(c, round)}: runtime not built`);
      record(c, hostName, round, false);
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
      for (const [c, round] of runs) {
        console.log(`FAIL  ${pad(hostName, 9)} ${label(c, round)}: runtime failed to load`);
        record(c, hostName, round, false);
      }
      continue;
    }
    console.log(`[${hostName}] runtime loaded in ${started.ms.toFixed(0)} ms`);
    let needRestart = false;
    let fresh = true; // the runtime has run no case yet
    for (const [c, round] of runs) {
      if (round > 1 && c === cases[0]) console.log(`[${hostName}] round ${round} of ${opts.repeat}`);
      if (needRestart || (opts.fresh && !fresh)) {
        started = await host.restart();
        needRestart = false;
        if (!started.ok) {
          console.log(`FAIL  ${pad(hostName, 9)} ${label(c, round)}: reloading the runtime failed: ${started.error.message}`);
          record(c, hostName, round, false);
          needRestart = true;
          continue;
        }
      }
      fresh = false;
      const out = await host.run(c, c.timeout ?? opts.timeout);
      const reasons = out.harnessError ? [`harness error: ${out.error.message}`] : check(c, out);
      if (out.timedOut) reasons.unshift(`timed out (${c.timeout ?? opts.timeout} ms); host restarted`);
      const ok = reasons.length === 0;
      record(c, hostName, round, ok);
      const ms = out.ms !== undefined ? ` (${out.ms.toFixed(1)} ms)` : "";
      console.log(`${ok ? "pass" : "FAIL"}  ${pad(hostName, 9)} ${label(c, round)}${ms}`);
      if (!ok) {
        if (c.description) console.log(`        case: ${c.description}`);
        for (const r of reasons) console.log(`        ${r}`);
        if (out.stderr) console.log(`        stderr: ${firstLines(out.stderr, 8)}`);
      } else if (out.leak) {
        console.log(`        (tolerated, leaks-ok: ${c.leaksOk}) ${out.leak}`);
      }
      if (out.timedOut || out.healthy === false || out.harnessError || out.depthError) needRestart = true;
    }
  } finally {
    await (host.shutdown ? host.shutdown() : host.close());
  }
}

// Per case x host matrix (one cell per case and host, over all rounds).
console.log("");
if (opts.repeat > 1) console.log(`(${opts.repeat} rounds: "FAIL#2" = failed in round 2 only, "FAIL" = in every round)`);
const width = Math.max(4, ...[...matrix.keys()].map((k) => k.length));
const cells = [...matrix.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([name, row]) => [name, opts.hosts.map((h) => cell(row[h]))]);
const colWidth = Math.max(9, ...cells.flatMap(([, cs]) => cs.map((x) => x.length + 2)));
console.log(`${pad("case", width)}  ${opts.hosts.map((h) => pad(h, colWidth)).join("")}`);
for (const [name, cs] of cells) {
  console.log(`${pad(name, width)}  ${cs.map((x) => pad(x, colWidth)).join("")}`.trimEnd());
}
console.log("");
console.log(`per host: ${opts.hosts.map((h) => `${h} ${perHost[h].passed} pass / ${perHost[h].failed} fail`).join("; ")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
