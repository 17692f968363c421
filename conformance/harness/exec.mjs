// Runs one conformance case against a loaded runtime. Identical code runs in
// the Node worker (node-worker.mjs) and in the Chromium page (page.html), so
// the two hosts differ only in how the runtime module is loaded and how a
// full JS garbage collection is forced (the `collectJs` function they pass).
import { encode } from "./values.mjs";

const AsyncFunction = (async () => {}).constructor;

// How long the baseline check waits for FinalizationRegistry callbacks.
const SETTLE_MS = 2000;

// The number of frames on the Python stack as seen from top-level code run by
// runPython, computed without leaving a name in __main__.
export const DEPTH_CODE = "len(__import__('traceback').extract_stack())";

const NAMES_CODE = "'\\x00'.join(sorted(globals()))";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Load a runtime whose stdout/stderr go into a per-case capture buffer.
 * `collectJs` is an (async) function forcing a full JS garbage collection.
 * @returns {Promise<{py, capture, ms, loadPython, collectJs, depth}>}
 */
export async function loadRuntime(loadPython, options = {}, collectJs = undefined, loadPyodide = undefined, luaModuleURL = undefined) {
  const capture = { stdout: [], stderr: [] };
  const captured = (opts = {}) => ({
    ...options,
    stdout: (text) => capture.stdout.push(String(text)),
    stderr: (text) => capture.stderr.push(String(text)),
    ...opts,
  });
  const t0 = performance.now();
  const py = await loadPython(captured());
  const ms = performance.now() - t0;
  const rt = {
    py,
    capture,
    ms,
    // For cases that want a second runtime in the same page/worker.
    loadPython: (opts) => loadPython(captured(opts)),
    // The package's Pyodide-named loader, for cases written as Pyodide programs.
    loadPyodide: loadPyodide && ((opts) => loadPyodide(captured(opts))),
    collectJs: collectJs ?? (async () => {}),
    depth: undefined,
    // The Lua guest (bridge-lua/package), loaded by the first case that uses it.
    luaModuleURL,
    lua: undefined,
    luaFresh: undefined,
  };
  // Things the runtime makes once and keeps (the cached `globals` proxy, the
  // `js` module) are made now, so that no case's baseline check sees them.
  try {
    void py.globals;
    py.runPython("__import__('js') and None");
    // The first GC request may set up host machinery (Chromium's page binding).
    await rt.collectJs();
  } catch {
    // Not fatal here: the first case's health check reports a broken runtime.
  }
  rt.depth = topDepth(py);
  return rt;
}

function topDepth(py) {
  try {
    return py.runPython(DEPTH_CODE);
  } catch (e) {
    return `<error: ${e?.message ?? e}>`;
  }
}

// The string-named globals of a Lua runtime, NUL-separated.
const LUA_NAMES_CODE = 'local t = {} for k in pairs(_G) do if type(k) == "string" then t[#t + 1] = k end end return table.concat(t, "\\0")';

const luaNames = (lua) => new Set(String(lua.run(LUA_NAMES_CODE)).split("\x00"));

/**
 * The runtime's Lua guest, loaded on first use (its output goes to the
 * case's capture). Its handle counts and globals right after loading are
 * the baseline of the case that loaded it.
 */
export async function ensureLua(rt) {
  if (rt.lua) return rt.lua;
  if (!rt.luaModuleURL) throw new Error("this host has no Lua module (bridge-lua/package)");
  const { loadLua } = await import(rt.luaModuleURL);
  const lua = await loadLua({
    stdout: (text) => rt.capture.stdout.push(String(text)),
    stderr: (text) => rt.capture.stderr.push(String(text)),
  });
  rt.luaFresh = { handles: lua.liveHandles(), names: luaNames(lua) };
  rt.lua = lua;
  return lua;
}

/** Full garbage collection on both sides, then a few ticks for FinalizationRegistry callbacks. */
export async function collectGarbage(rt, rounds = 2) {
  for (let i = 0; i < rounds; i++) {
    try {
      rt.lua?.collectGarbage();
    } catch {
      // An unusable Lua runtime: its health check says so.
    }
    try {
      rt.py.runPython("__import__('gc').collect() and None");
    } catch {
      // An unusable runtime: the health check says so.
    }
    await rt.collectJs();
    for (let t = 0; t < 3; t++) await sleep(0);
  }
}

/** Describe a thrown value with the fields the runner compares. */
export function describeError(e, PythonError) {
  const isObj = e !== null && (typeof e === "object" || typeof e === "function");
  let message = "";
  let name = "";
  let type;
  try {
    name = isObj && typeof e.name === "string" ? e.name : typeof e;
    message = isObj && e.message !== undefined ? String(e.message) : String(e);
    type = isObj && e.type !== undefined ? String(e.type) : undefined;
  } catch (inner) {
    message = `<reading the error threw ${inner && inner.name}>`;
  }
  let stack;
  try {
    stack = isObj && typeof e.stack === "string" ? e.stack.split("\n").slice(0, 8).join("\n") : undefined;
  } catch {
    stack = undefined;
  }
  return {
    name,
    type,
    message,
    isError: e instanceof Error,
    isPythonError: typeof PythonError === "function" && e instanceof PythonError,
    stack,
  };
}

/** What the baseline check compares: handle counts, __main__ names, globalThis keys. */
function snapshot(py, lua) {
  const s = { handles: undefined, names: undefined, globals: new Set(Reflect.ownKeys(globalThis)), lua: undefined };
  try {
    if (typeof py.liveHandles === "function") s.handles = py.liveHandles();
    s.names = new Set(String(py.runPython(NAMES_CODE)).split("\x00"));
    if (lua) s.lua = { handles: lua.liveHandles(), names: luaNames(lua) };
  } catch (e) {
    s.error = `${e?.name}: ${e?.message ?? e}`;
  }
  return s;
}

/** Remove the globals a case added to the Lua runtime. */
function cleanUpLua(lua, base) {
  for (const n of luaNames(lua)) if (!base.names.has(n)) lua.globals.set(n, undefined);
}

/** Remove what the case added to __main__ and to globalThis. */
function cleanUp(py, base) {
  for (const k of Reflect.ownKeys(globalThis)) {
    if (base.globals.has(k)) continue;
    try {
      delete globalThis[k];
    } catch {
      // Non-configurable: nothing the harness can do.
    }
  }
  if (base.names) {
    const added = String(py.runPython(NAMES_CODE))
      .split("\x00")
      .filter((n) => !base.names.has(n));
    // JSON string literals are Python string literals too (\uXXXX escapes included).
    if (added.length) py.runPython(`[globals().pop(n, None) for n in ${JSON.stringify(added)}].clear()`);
  }
}

const sameHandles = (a, b) => a.js === b.js && a.py === b.py;
const sameLua = (a, b) => a === undefined || (a.js === b.js && a.lua === b.lua);

/**
 * Collect garbage until the handle tables are back to `want` (and the Lua
 * runtime's to `wantLua`, when it has one), or SETTLE_MS passed.
 */
async function settle(rt, want, wantLua) {
  const counts = () => ({ py: rt.py.liveHandles(), lua: rt.lua?.liveHandles() });
  let now = counts();
  const done = () => sameHandles(now.py, want) && (wantLua === undefined || sameLua(wantLua, now.lua));
  if (done()) return now;
  const deadline = performance.now() + SETTLE_MS;
  for (let i = 0; ; i++) {
    await collectGarbage(rt, 1);
    if (i >= 3) await sleep(10);
    now = counts();
    if (done() || performance.now() > deadline) return now;
  }
}

/**
 * Run the case's code; returns {ok, value|error}, already encoded, so that no
 * reference to the case's values outlives this frame (the baseline check
 * below must be able to collect them).
 */
async function runBody(rt, PythonError, c, host) {
  const py = rt.py;
  try {
    let value;
    if (c.kind === "py") {
      value = py.runPython(c.source);
    } else if (c.kind === "lua") {
      value = (await ensureLua(rt)).run(c.source, { name: c.name });
    } else {
      const fn = new AsyncFunction("py", "ctx", c.source);
      const ctx = {
        PythonError,
        host,
        gc: () => collectGarbage(rt),
        loadPython: rt.loadPython,
        loadPyodide: rt.loadPyodide,
        serverURL: rt.serverURL,
        // The shared Lua runtime of this host (bridge-lua/package), loaded on first use.
        lua: () => ensureLua(rt),
      };
      value = await fn(py, ctx);
    }
    return { ok: true, value: encode(value) };
  } catch (e) {
    return { ok: false, error: describeError(e, PythonError) };
  }
}

/**
 * Run one case. `c` is {name, kind: "py"|"js", source, leaksOk}.
 * A `.py` case is passed to runPython; a `.js` case is the body of an async
 * function called with (py, ctx), ctx = {PythonError, host, gc, loadPython, loadPyodide}.
 * After the case:
 *  - a health check (`runPython("6 * 7") === 42`) tells whether the runtime is still usable;
 *  - the names the case added to __main__ and the own properties it added to
 *    globalThis are deleted, garbage is collected, and both handle tables must
 *    be back to their counts from before the case (`out.leak` otherwise);
 *  - the top-level Python stack depth must equal the one measured at load (`out.depthError`).
 */
export async function runCase(rt, PythonError, c, host) {
  const { py, capture } = rt;
  const base = snapshot(py, rt.lua);
  capture.stdout.length = 0;
  capture.stderr.length = 0;
  const t0 = performance.now();
  const out = await runBody(rt, PythonError, c, host);
  out.ms = performance.now() - t0;
  out.stdout = capture.stdout.join("\n");
  out.stderr = capture.stderr.join("\n");
  try {
    const v = py.runPython("6 * 7");
    out.healthy = v === 42;
    if (!out.healthy) out.healthError = `health check runPython("6 * 7") gave ${String(v)}`;
  } catch (e) {
    out.healthy = false;
    const d = describeError(e, PythonError);
    out.healthError = `health check runPython("6 * 7") threw ${d.name}${d.type ? ` (${d.type})` : ""}: ${d.message}`;
  }
  if (out.healthy && rt.lua) {
    try {
      const v = rt.lua.run("return 6 * 7");
      if (v !== 42) {
        out.healthy = false;
        out.healthError = `Lua health check lua.run("return 6 * 7") gave ${String(v)}`;
      }
    } catch (e) {
      out.healthy = false;
      out.healthError = `Lua health check lua.run("return 6 * 7") threw ${e?.name}: ${e?.message ?? e}`;
    }
    if (!out.healthy) {
      // A broken Lua runtime is replaced by the next case that needs one.
      rt.lua = undefined;
      return out;
    }
  }
  if (!out.healthy) return out;
  try {
    cleanUp(py, base);
    const luaBase = rt.lua ? base.lua ?? rt.luaFresh : undefined;
    if (luaBase) cleanUpLua(rt.lua, luaBase);
    if (base.error) {
      out.leak = `baseline check impossible: taking the baseline threw ${base.error}`;
    } else if (base.handles) {
      const now = await settle(rt, base.handles, luaBase?.handles);
      if (!sameHandles(now.py, base.handles)) {
        out.leak = `live handles not back to baseline: js ${base.handles.js} -> ${now.py.js}, py ${base.handles.py} -> ${now.py.py}`;
      } else if (luaBase && !sameLua(luaBase.handles, now.lua)) {
        out.leak = `Lua handles not back to baseline: js objects held by Lua ${luaBase.handles.js} -> ${now.lua.js}, Lua values held by JS ${luaBase.handles.lua} -> ${now.lua.lua}`;
      }
    }
  } catch (e) {
    out.leak = `baseline check threw ${e?.name}: ${e?.message ?? e}`;
  }
  const depth = topDepth(py);
  if (depth !== rt.depth) out.depthError = `top-level traceback depth changed: ${rt.depth} -> ${depth}`;
  return out;
}
