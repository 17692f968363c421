#!/usr/bin/env node
// Browser test of the console page (bridge-js/console/): type Python, click
// Run, and check that stdout, the result and a PythonError show in the output.
import { pageTest } from "./page_test.mjs";

async function runInConsole(page, code) {
  await page.fill("#code", code);
  const before = await page.locator("#output > span").count();
  await page.click("#run");
  await page.waitForFunction((n) => document.querySelectorAll("#output > span").length > n, before, { timeout: 30_000 });
  return page.evaluate(
    (n) => [...document.querySelectorAll("#output > span")].slice(n).map((s) => [s.className, s.textContent.trimEnd()]),
    before,
  );
}

await pageTest("console page test", "bridge-js/console/", async (page, result) => {
  await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 180_000 });
  const ready = await page.evaluate(() => document.body.dataset.ready);
  result(ready === "true", "console loads Python", await page.textContent("#status"));
  if (ready !== "true") {
    console.log(await page.textContent("#output"));
    return;
  }
  let out = await runInConsole(page, 'print("out", 6 * 7)\n"res" + "ult"');
  const stdout = out.find(([c]) => c === "stdout");
  const res = out.find(([c]) => c === "result");
  result(stdout?.[1] === "out 42", "stdout shown", JSON.stringify(stdout?.[1]));
  result(res?.[1] === '"result"', "result shown", JSON.stringify(res?.[1]));
  out = await runInConsole(page, "raise ValueError('console bad')");
  const err = out.find(([c]) => c === "error");
  result(
    !!err && err[1].includes("Traceback") && err[1].trimEnd().endsWith("ValueError: console bad"),
    "PythonError traceback shown",
    JSON.stringify(err?.[1].split("\n").slice(-1)[0]),
  );
  out = await runInConsole(page, "from js import document\ndocument.title");
  const title = out.find(([c]) => c === "result");
  result(title?.[1] === '"Python console"', "page reachable from Python", JSON.stringify(title?.[1]));
});
