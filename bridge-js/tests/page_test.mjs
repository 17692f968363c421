// Shared scaffolding for the browser tests in this folder: serve the repo on
// 127.0.0.1, open a page in headless Chromium, tally checks, print
// "N passed, N failed" and exit non-zero on any failure.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../../conformance/serve.mjs";
import { launchChromium, collectPageLog } from "../../conformance/harness/chromium.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Run `body(page, check)` on the page at `pagePath` (relative to the repo root).
 * `check(ok, what, detail)` records one result. Never returns: exits.
 */
export async function pageTest(name, pagePath, body) {
  let passed = 0;
  let failed = 0;
  const check = (ok, what, detail = "") => {
    console.log(`${ok ? "pass" : "FAIL"}  ${what}${detail ? `: ${detail}` : ""}`);
    if (ok) passed++;
    else failed++;
  };
  const log = [];
  try {
    const wasm = path.join(ROOT, "bridge-js/package/dist/bridge_js_bg.wasm");
    if (!fs.existsSync(wasm)) {
      throw new Error(`${path.relative(ROOT, wasm)} missing: run \`cargo xtask build\` first`);
    }
    const server = await startServer({ port: 0 });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      collectPageLog(page, log);
      await page.goto(`${server.url}${pagePath}`);
      await body(page, check);
    } finally {
      await browser.close();
      await server.close();
    }
  } catch (e) {
    check(false, name, `${e.name}: ${e.message}`);
  }
  if (failed && log.length) console.log(`page log:\n  ${log.slice(-20).join("\n  ")}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
