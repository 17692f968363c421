// `--host chromium`: the same fuzz loop (fuzz.mjs) in a headless Chromium
// page, conformance/fuzz/page.html, served from the repo root by
// conformance/serve.mjs and launched with conformance/harness/chromium.mjs
// (the system Chromium, never downloaded). A full GC for the leak check is
// the DevTools protocol's HeapProfiler.collectGarbage, exposed to the page as
// in conformance/harness/hosts.mjs.
import { startServer } from "../serve.mjs";
import { launchChromium, collectPageLog } from "../harness/chromium.mjs";

export async function runChromium(o, _pySource, log) {
  const server = await startServer({ port: 0 });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const pageLog = collectPageLog(page);
    page.on("console", (m) => {
      const t = m.text();
      if (t.startsWith("[fuzz] ")) log(t.slice(7));
    });
    const cdp = await page.context().newCDPSession(page);
    await page.exposeFunction("__fuzzCollectGarbage", async () => {
      await cdp.send("HeapProfiler.collectGarbage");
    });
    await page.goto(server.url + "conformance/fuzz/page.html");
    await page.waitForFunction(() => window.__fuzzReady === true, null, { timeout: 30_000 });
    const { host, ...rest } = o;
    try {
      return await page.evaluate((opts) => window.__fuzz.run(opts), { ...rest, packageURL: "/bridge-js/package/index.js", indexURL: "/bridge-js/package/dist/" });
    } catch (e) {
      throw new Error(`${e.message}${pageLog.length ? `\npage log:\n${pageLog.slice(-10).join("\n")}` : ""}`);
    }
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
}
