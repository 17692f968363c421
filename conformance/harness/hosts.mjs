// The two hosts a case runs on. Both expose the same interface:
//   await host.start()            -> {ok: true, ms} | {ok: false, error, log?}
//   await host.run(case, ms)      -> outcome from exec.mjs, or {ok:false, timedOut:true, error}
//   await host.restart()          a fresh runtime (after a timeout or an unusable runtime)
//   await host.close()
import { Worker } from "node:worker_threads";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../serve.mjs";
import { launchChromium, collectPageLog } from "./chromium.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const LOAD_TIMEOUT_MS = Number(process.env.CONFORMANCE_LOAD_TIMEOUT_MS || 180_000);

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new TimeoutError(`${what} did not finish within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

class TimeoutError extends Error {
  constructor(m) {
    super(m);
    this.name = "TimeoutError";
  }
}

/** The part of a parsed case that exec.mjs needs (it crosses postMessage / page.evaluate). */
function caseMessage(c) {
  return { name: c.name, kind: c.kind, source: c.source, leaksOk: c.leaksOk };
}

function errorFields(e) {
  return { name: e?.name ?? "Error", message: String(e?.message ?? e), isError: true, isPythonError: false };
}

/** Node 20: the runtime runs in a worker_thread, loaded from the package folder. */
export class NodeHost {
  constructor({ packageIndex }) {
    this.name = "node";
    this.packageIndex = packageIndex;
    this.nextId = 1;
  }

  call(msg, ms, what) {
    const id = this.nextId++;
    const worker = this.worker;
    const p = new Promise((resolve, reject) => {
      const onMsg = (m) => {
        if (m.id !== id) return;
        cleanup();
        resolve(m);
      };
      const onErr = (e) => {
        cleanup();
        reject(e);
      };
      const onExit = (code) => {
        cleanup();
        reject(new Error(`worker exited with code ${code} during ${what}`));
      };
      const cleanup = () => {
        worker.off("message", onMsg);
        worker.off("error", onErr);
        worker.off("exit", onExit);
      };
      worker.on("message", onMsg);
      worker.on("error", onErr);
      worker.on("exit", onExit);
    });
    worker.postMessage({ ...msg, id });
    return withTimeout(p, ms, what);
  }

  async start() {
    // The same 127.0.0.1 server as Chromium's, for cases that fetch (ctx.serverURL).
    if (!this.server) this.server = await startServer({ port: 0 });
    this.worker = new Worker(path.join(HERE, "node-worker.mjs"), {
      workerData: { packageIndex: this.packageIndex, loadOptions: {}, serverURL: this.server.url },
      stdout: false,
      stderr: false,
    });
    try {
      const m = await this.call({ op: "load" }, LOAD_TIMEOUT_MS, "loadPython()");
      return m.ok ? { ok: true, ms: m.ms } : { ok: false, error: m.error };
    } catch (e) {
      return { ok: false, error: errorFields(e) };
    }
  }

  async run(c, ms) {
    try {
      const m = await this.call({ op: "run", case: caseMessage(c) }, ms, `case ${c.name}`);
      if (!m.ok) return { ok: false, error: m.error, harnessError: true };
      return m.result;
    } catch (e) {
      // A timeout, or the worker died (crash, uncaught error): either way the host restarts.
      const timedOut = e instanceof TimeoutError;
      return { ok: false, timedOut, harnessError: !timedOut, error: errorFields(e), stdout: "", stderr: "" };
    }
  }

  async restart() {
    await this.close();
    return this.start();
  }

  async close() {
    if (this.worker) {
      const w = this.worker;
      this.worker = undefined;
      await w.terminate();
    }
  }

  /** Also stop the server (restart() keeps it). */
  async shutdown() {
    await this.close();
    if (this.server) await this.server.close();
    this.server = undefined;
  }
}

/** Headless Chromium: the harness page is served from the repo root on 127.0.0.1. */
export class ChromiumHost {
  constructor({ packageURL }) {
    this.packageURL = packageURL;
    this.name = "chromium";
    this.log = [];
  }

  async start() {
    try {
      if (!this.server) this.server = await startServer({ port: 0 });
      if (!this.browser) this.browser = await launchChromium();
      this.log = [];
      this.page = await this.browser.newPage();
      collectPageLog(this.page, this.log);
      // A full GC on demand for the page (the baseline check and ctx.gc()):
      // HeapProfiler.collectGarbage through a CDP session, exposed as an async
      // window function before the harness page loads.
      const cdp = await this.page.context().newCDPSession(this.page);
      await this.page.exposeFunction("__harnessCollectGarbage", async () => {
        await cdp.send("HeapProfiler.collectGarbage");
      });
      await this.page.goto(this.server.url + "conformance/harness/page.html");
      await this.page.waitForFunction(() => window.__harnessReady === true, null, { timeout: 30_000 });
      const r = await withTimeout(
        this.page.evaluate(([p, i]) => window.__harness.load(p, i), [this.packageURL, "/bridge-js/package/dist/"]),
        LOAD_TIMEOUT_MS,
        "loadPython() in Chromium",
      );
      return r.ok ? { ok: true, ms: r.ms } : { ok: false, error: r.error, log: this.log };
    } catch (e) {
      return { ok: false, error: errorFields(e), log: this.log };
    }
  }

  async run(c, ms) {
    try {
      return await withTimeout(
        this.page.evaluate((cc) => window.__harness.run(cc), caseMessage(c)),
        ms,
        `case ${c.name}`,
      );
    } catch (e) {
      const log = this.log.length ? `\npage log:\n${this.log.slice(-10).join("\n")}` : "";
      const timedOut = e instanceof TimeoutError;
      return {
        ok: false,
        timedOut,
        harnessError: !timedOut, // page crashed or evaluate failed: restart the page
        error: { ...errorFields(e), message: String(e?.message ?? e) + log },
        stdout: "",
        stderr: "",
      };
    }
  }

  async restart() {
    if (this.page) {
      try {
        await withTimeout(this.page.close(), 10_000, "closing the page");
      } catch {
        // A renderer stuck in a loop: start over with a new browser.
        const b = this.browser;
        this.browser = undefined;
        await withTimeout(b.close(), 10_000, "closing the browser").catch(() => {});
      }
    }
    this.page = undefined;
    return this.start();
  }

  async close() {
    if (this.page) await this.page.close().catch(() => {});
    if (this.browser) await this.browser.close().catch(() => {});
    if (this.server) await this.server.close();
    this.page = this.browser = this.server = undefined;
  }
}
