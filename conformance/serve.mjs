// A tiny static file server for the repo root, bound to 127.0.0.1 only.
//
// Used by the conformance runner, the browser tests and `cargo xtask serve`
// (the console page and the notebook). CLI: `node conformance/serve.mjs [--port N] [--root DIR]`
// prints the base URL and serves until killed. Port 0 (the default) picks a
// free port.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".zip": "application/zip",
  ".py": "text/plain; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};

function send(res, status, body, type = "text/plain; charset=utf-8") {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}

/**
 * Endpoints for the conformance cases of `pyodide.http` (any method):
 * - `/__test/echo`: 200, JSON `{method, url, headers, body}` of the request,
 *   and a response header `x-echo: yes`;
 * - `/__test/status/NNN`: status NNN, text body `status NNN`;
 * - `/__test/bytes`: the 256 bytes 0..255 (application/octet-stream).
 */
function testEndpoint(req, res) {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const url = new URL(req.url, "http://127.0.0.1");
    const status = /^\/__test\/status\/(\d{3})$/.exec(url.pathname);
    if (url.pathname === "/__test/echo") {
      const body = JSON.stringify({
        method: req.method,
        url: url.pathname + url.search,
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      res.writeHead(200, { "content-type": "application/json", "x-echo": "yes", "cache-control": "no-store" });
      return res.end(body);
    }
    if (status) return send(res, Number(status[1]), `status ${status[1]}`);
    if (url.pathname === "/__test/bytes") {
      return send(res, 200, Buffer.from(Array.from({ length: 256 }, (_, i) => i)), "application/octet-stream");
    }
    send(res, 404, `no test endpoint ${url.pathname}\n`);
  });
}

/**
 * Start serving `root` on 127.0.0.1.
 * @param {{port?: number, root?: string, quiet?: boolean}} [options]
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>}>}
 *   `url` ends with a slash, e.g. "http://127.0.0.1:41234/".
 */
export function startServer({ port = 0, root = REPO_ROOT, quiet = true } = {}) {
  const rootDir = path.resolve(root);
  const server = http.createServer((req, res) => {
    if (req.url.startsWith("/__test/")) return testEndpoint(req, res);
    if (req.method !== "GET" && req.method !== "HEAD") {
      return send(res, 405, "method not allowed\n");
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    } catch {
      return send(res, 400, "bad request\n");
    }
    const file = path.resolve(rootDir, "." + pathname);
    if (file !== rootDir && !file.startsWith(rootDir + path.sep)) {
      return send(res, 403, "outside the served root\n");
    }
    let target = file;
    let stat;
    try {
      stat = fs.statSync(target);
      if (stat.isDirectory()) {
        if (!pathname.endsWith("/")) {
          res.writeHead(301, { location: pathname + "/" });
          return res.end();
        }
        target = path.join(target, "index.html");
        stat = fs.statSync(target);
      }
    } catch {
      if (!quiet) console.error(`404 ${pathname}`);
      return send(res, 404, `not found: ${pathname}\n`);
    }
    const type = MIME[path.extname(target).toLowerCase()] ?? "application/octet-stream";
    res.writeHead(200, {
      "content-type": type,
      "content-length": stat.size,
      "cache-control": "no-store",
    });
    if (req.method === "HEAD") return res.end();
    fs.createReadStream(target).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const actual = server.address().port;
      resolve({
        url: `http://127.0.0.1:${actual}/`,
        port: actual,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

function parseArgs(argv) {
  const opts = { port: 0, root: REPO_ROOT };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--port") opts.port = Number(argv[++i]);
    else if (a.startsWith("--port=")) opts.port = Number(a.slice(7));
    else if (a === "--root") opts.root = argv[++i];
    else if (a === "-h" || a === "--help") {
      console.log("usage: node conformance/serve.mjs [--port N] [--root DIR]");
      process.exit(0);
    } else {
      console.error(`serve.mjs: unknown argument ${a}`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    console.error("serve.mjs: --port must be an integer in 0..65535");
    process.exit(2);
  }
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  const { url } = await startServer({ ...opts, quiet: false });
  console.log(`serving ${opts.root} at ${url}`);
  console.log(`console page: ${url}bridge-js/console/`);
  console.log(`notebook:     ${url}bridge-js/notebook/`);
}
