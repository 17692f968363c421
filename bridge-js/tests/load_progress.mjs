#!/usr/bin/env node
// loadPython({onProgress}): the download of the wasm module and the stdlib is
// reported chunk by chunk over HTTP (the browser's path, served here on
// 127.0.0.1 and read with Node's fetch), once for a local file, and a bad
// option is a TypeError.
import test from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startServer } from "../../conformance/serve.mjs";
import { readAsset } from "../package/assets.js";
import { loadPython } from "../package/index.js";

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../package/dist");
const FILES = ["bridge_js_bg.wasm", "python313.zip"];

test("over HTTP: growing counts, Content-Length as total, last call loaded === total", async () => {
  const server = await startServer({ port: 0 });
  try {
    const base = new URL("bridge-js/package/dist/", server.url);
    for (const name of FILES) {
      const events = [];
      const bytes = await readAsset(base, name, (p) => events.push(p));
      const size = fs.statSync(path.join(DIST, name)).size;
      assert.equal(bytes.length, size);
      assert.deepEqual(Buffer.from(bytes.subarray(0, 64)), fs.readFileSync(path.join(DIST, name)).subarray(0, 64));
      assert.ok(events.length >= 3, `${name}: ${events.length} progress calls, want several chunks`);
      assert.deepEqual(events[0], { what: name, loaded: 0, total: size });
      assert.deepEqual(events.at(-1), { what: name, loaded: size, total: size });
      for (let i = 1; i < events.length; i++) {
        assert.ok(events[i].loaded > events[i - 1].loaded, `${name}: loaded grows at call ${i}`);
      }
    }
  } finally {
    await server.close();
  }
});

test("a local file is one call", async () => {
  const events = [];
  const bytes = await readAsset(pathToFileURL(DIST + "/"), "python313.zip", (p) => events.push(p));
  assert.deepEqual(events, [{ what: "python313.zip", loaded: bytes.length, total: bytes.length }]);
});

test("loadPython passes onProgress to both downloads and still runs Python", async () => {
  const seen = new Map();
  const py = await loadPython({ onProgress: ({ what, loaded, total }) => seen.set(what, [loaded, total]) });
  assert.deepEqual([...seen.keys()].sort(), [...FILES].sort());
  for (const [what, [loaded, total]] of seen) {
    assert.equal(loaded, fs.statSync(path.join(DIST, what)).size);
    assert.equal(total, loaded);
  }
  assert.equal(py.runPython("6 * 7"), 42);
});

test("onProgress that is not a function is a TypeError", async () => {
  await assert.rejects(loadPython({ onProgress: 5 }), { name: "TypeError", message: /onProgress must be a function, got number/ });
});
