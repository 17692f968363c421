#!/usr/bin/env node
// Browser test: in headless Chromium (playwright-core, /usr/bin/chromium), on
// a page served from the repo on 127.0.0.1, Python runs
//   from js import document; document.title = "hello from Python"
// and the test asserts, from the browser side (not through Python), that the
// DOM title was different before and is "hello from Python" after.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../../conformance/serve.mjs";
import { launchChromium, collectPageLog } from "../../conformance/harness/chromium.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const WANT = "hello from Python";
const PYTHON = `from js import document; document.title = "${WANT}"`;

let passed = 0;
let failed = 0;
function result(ok, what, detail = "") {
  console.log(`${ok ? "pass" : "FAIL"}  ${what}${detail ? `: ${detail}` : ""}`);
  if (ok) passed++;
  else failed++;
}

async function main() {
  const wasm = path.join(ROOT, "bridge-js/package/dist/bridge_js_bg.wasm");
  if (!fs.existsSync(wasm)) {
    result(false, "browser title test", `${path.relative(ROOT, wasm)} missing: run \`cargo xtask build\` first`);
    return;
  }
  const server = await startServer({ port: 0 });
  const browser = await launchChromium();
  const log = [];
  try {
    const page = await browser.newPage();
    collectPageLog(page, log);
    await page.goto(`${server.url}bridge-js/tests/title.html`);
    await page.waitForFunction(() => window.__pageReady === true, null, { timeout: 30_000 });
    const before = await page.title();
    result(before !== WANT && before.length > 0, "title differs before Python runs", JSON.stringify(before));
    let error = null;
    try {
      await page.evaluate((code) => window.__runPython(code), PYTHON);
    } catch (e) {
      error = e;
    }
    result(error === null, "Python ran in the page", error ? error.message.split("\n")[0] : PYTHON);
    const after = await page.title();
    const domText = await page.evaluate(() => document.querySelector("title")?.textContent);
    result(after === WANT, "document.title after Python", JSON.stringify(after));
    result(domText === WANT, "<title> element text after Python", JSON.stringify(domText));
  } finally {
    await browser.close();
    await server.close();
  }
  if (failed && log.length) console.log(`page log:\n  ${log.slice(-20).join("\n  ")}`);
}

try {
  await main();
} catch (e) {
  result(false, "browser title test", `${e.name}: ${e.message}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
