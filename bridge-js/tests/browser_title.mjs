#!/usr/bin/env node
// Browser test: in headless Chromium (playwright-core, /usr/bin/chromium), on
// a page served from the repo on 127.0.0.1, Python runs
//   from js import document; document.title = "hello from Python"
// and the test asserts, from the browser side (not through Python), that the
// DOM title was different before and is "hello from Python" after.
import { pageTest } from "./page_test.mjs";

const WANT = "hello from Python";
const PYTHON = `from js import document; document.title = "${WANT}"`;

await pageTest("browser title test", "bridge-js/tests/title.html", async (page, check) => {
  await page.waitForFunction(() => window.__pageReady === true, null, { timeout: 30_000 });
  const before = await page.title();
  check(before !== WANT && before.length > 0, "title differs before Python runs", JSON.stringify(before));
  let error = null;
  try {
    await page.evaluate((code) => window.__runPython(code), PYTHON);
  } catch (e) {
    error = e;
  }
  check(error === null, "Python ran in the page", error ? error.message.split("\n")[0] : PYTHON);
  const after = await page.title();
  const domText = await page.evaluate(() => document.querySelector("title")?.textContent);
  check(after === WANT, "document.title after Python", JSON.stringify(after));
  check(domText === WANT, "<title> element text after Python", JSON.stringify(domText));
});
