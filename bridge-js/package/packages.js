// Installing pure-Python wheels: `loadPackage` and what `micropip.install`
// uses to read a wheel. The checks and the install itself run in Python
// (bridge-py/src/python/bridge_wheels.py): RECORD hashes, pure-Python tags,
// dependencies resolved among the wheels of one call and what is installed.

const isNode = typeof process !== "undefined" && process.versions?.node !== undefined;

/**
 * The bytes of a wheel named by `source`: an http(s), blob or data URL
 * (fetched), a `file:` URL or a path (read from the host's disk in Node; in a
 * browser a relative path is a URL relative to the page).
 */
export async function readBinary(source) {
  if (typeof source !== "string" && !(source instanceof URL)) {
    throw new TypeError(`loadPackage: expected a wheel URL or path (a string), got ${source === null ? "null" : typeof source}`);
  }
  const text = String(source);
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[a-z]:[\\/]/i.test(text);
  if (isNode && (!hasScheme || text.startsWith("file:"))) {
    const { readFile } = await import("node:fs/promises");
    const { fileURLToPath } = await import("node:url");
    const path = text.startsWith("file:") ? fileURLToPath(text) : text;
    try {
      return new Uint8Array(await readFile(path));
    } catch (e) {
      throw new Error(`loadPackage: cannot read ${path}: ${e.code ?? e.message}`);
    }
  }
  const url = hasScheme ? new URL(text) : new URL(text, globalThis.location?.href);
  let res;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new Error(`loadPackage: cannot fetch ${url.href}: ${e.message}`);
  }
  if (!res.ok) throw new Error(`loadPackage: fetching ${url.href} answered HTTP ${res.status} ${res.statusText}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** The last path segment of a wheel URL or path. */
function fileNameOf(source) {
  return String(source).split(/[?#]/, 1)[0].split(/[\\/]/).at(-1);
}

/**
 * `loadPackage(names, {messageCallback, errorCallback, deps})`, as in
 * Pyodide where names are wheel URLs or paths: every wheel is read, checked
 * and installed (dependencies first). Resolves to one `{name, version,
 * fileName, packageType}` per wheel installed; one already installed at the
 * same version is skipped with a message. Names that are not wheels (Pyodide
 * looks them up in its package index) are an error naming them.
 */
export async function loadPackage(runtime, names, options = {}) {
  if (options === null || typeof options !== "object") throw new TypeError("loadPackage: options must be an object");
  const { messageCallback = console.log, errorCallback = console.error, deps = true, checkIntegrity } = options;
  void checkIntegrity; // RECORD hashes are always checked
  const list = typeof names === "string" || names instanceof URL ? [names] : names;
  if (!Array.isArray(list)) throw new TypeError("loadPackage: expected a wheel URL or path, or an array of them");
  if (list.length === 0) return [];
  const notWheels = list.filter((n) => !fileNameOf(n).endsWith(".whl"));
  if (notWheels.length > 0) {
    throw new Error(
      `loadPackage: ${notWheels.map((n) => JSON.stringify(String(n))).join(", ")} ${notWheels.length === 1 ? "is" : "are"} not a wheel URL or path: ` +
        "this build has no package index to look names up in; pass the .whl files (py3-none-any) themselves",
    );
  }
  messageCallback(`Loading ${list.map(fileNameOf).join(", ")}`);
  let files;
  try {
    files = await Promise.all(list.map(async (n) => [fileNameOf(n), await readBinary(n)]));
  } catch (e) {
    errorCallback(e.message);
    throw e;
  }
  const module = runtime.pyimport("_bridge_wheels");
  const install = module.install;
  let result;
  try {
    result = install.callKwargs(files, { deps });
  } catch (e) {
    errorCallback(e.message);
    throw e;
  } finally {
    install.destroy();
    module.destroy();
  }
  try {
    const done = result.toJs({ dict_converter: Object.fromEntries });
    const installed = new Set(done.map((p) => p.fileName));
    for (const [f] of files) if (!installed.has(f)) messageCallback(`${f} is installed already`);
    if (done.length > 0) messageCallback(`Loaded ${done.map((p) => p.name).join(", ")}`);
    return done;
  } finally {
    result.destroy();
  }
}

/**
 * `loadPackagesFromImports(code, options)`: Pyodide loads the packages of
 * its index that `code` imports. Without an index there is nothing to load:
 * each import that is not importable is reported through `messageCallback`
 * (naming `loadPackage`), and the result is `[]`.
 */
export async function loadPackagesFromImports(runtime, code, options = {}) {
  if (typeof code !== "string") throw new TypeError(`loadPackagesFromImports: code must be a string, got ${typeof code}`);
  const { messageCallback = console.log } = options ?? {};
  const globals = runtime.toPy({ _bridge_code: code });
  let missing;
  try {
    missing = runtime.runPython(
      "import importlib.util as _u, pyodide.code as _c\n" +
        "[n for n in _c.find_imports(_bridge_code) if _u.find_spec(n) is None]",
      { globals },
    );
    const names = missing.toJs();
    for (const n of names) messageCallback(`No wheel known for the import ${n}: pass its wheel to loadPackage`);
    return [];
  } finally {
    missing?.destroy();
    globals.destroy();
  }
}
