// Lua 5.4 in WebAssembly, beside the Python runtime: `loadLua()`.
//
//   import { loadLua } from "./bridge-lua/package/index.js";
//   const lua = await loadLua();
//   lua.run('local js = require("js"); return js.global.Math.max(1, 5, 3)')  // 5
//   const f = lua.run("return function(x) return x * 2 end");
//   f(21)                                                                    // 42
//
// The module holds Lua, the `js` binding (bridge-lua/c) and the bridge's core
// through its C ABI (bridge-capi); WASI is served by @bjorn3/browser_wasi_shim.
import { WASI, OpenFile, File, ConsoleStdout } from "@bjorn3/browser_wasi_shim";
import { LuaRuntime, LuaError, MAX_DEPTH } from "./runtime.js";

export { LuaError, MAX_DEPTH };

const isNode = typeof process !== "undefined" && process.versions?.node !== undefined;

async function readModule(url) {
  if (url.protocol === "file:") {
    const { readFile } = await import("node:fs/promises");
    try {
      return await readFile(url);
    } catch (e) {
      throw new Error(`loadLua: cannot read lua.wasm at ${url.pathname} (${e.code ?? e.message}); build it with \`cargo xtask build\``);
    }
  }
  const res = await fetch(url);
  if (!res.ok) throw new Error(`loadLua: cannot fetch ${url.href}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

const compiled = new Map();

/**
 * Load a Lua runtime. Options: `indexURL` (folder holding lua.wasm, default
 * ./dist/ beside this file), `stdout`/`stderr` (line callbacks; default the console).
 */
export async function loadLua(options = {}) {
  const base = options.indexURL === undefined ? new URL("./dist/", import.meta.url) : new URL(String(options.indexURL).replace(/\/?$/, "/"), isNode ? `file://${process.cwd()}/` : globalThis.location?.href);
  const url = new URL("lua.wasm", base);
  let mod = compiled.get(url.href);
  if (mod === undefined) {
    mod = WebAssembly.compile(await readModule(url));
    compiled.set(url.href, mod);
  }
  const module = await mod;
  const out = options.stdout ?? ((s) => console.log(s));
  const err = options.stderr ?? ((s) => console.error(s));
  const fds = [new OpenFile(new File([])), ConsoleStdout.lineBuffered(out), ConsoleStdout.lineBuffered(err)];
  const wasi = new WASI(["lua"], [], fds, { debug: false });
  const rt = new LuaRuntime();
  const instance = await WebAssembly.instantiate(module, {
    wasi_snapshot_preview1: wasi.wasiImport,
    ljs: rt.imports(),
  });
  wasi.initialize(instance);
  rt.attach(instance);
  return makeApi(rt);
}

function makeApi(rt) {
  return Object.freeze({
    /** Run a chunk; its first result, converted (functions and tables as wrappers). */
    run: (code, { name } = {}) => rt.run(code, name),
    /** Lua's global table. */
    globals: Object.freeze({
      get: (name) => rt.luaIndex(0, name),
      set: (name, value) => rt.luaNewIndex(0, name, value),
    }),
    /** Live entries of the two tables: JS objects held by Lua, Lua values held by JS. */
    liveHandles: () => rt.liveHandles(),
    /** A full Lua garbage collection (JsObjects Lua dropped give their references back). */
    collectGarbage: () => rt.collectGarbage(),
    LuaError,
  });
}
