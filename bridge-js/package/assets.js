// Reading the runtime's files (wasm module, stdlib zip) in Node and in browsers.

const isNode = typeof process !== "undefined" && process.versions?.node !== undefined;

/** The folder holding the built files, as a URL ending in "/". */
export async function resolveIndexURL(indexURL) {
  if (indexURL === undefined) return new URL("./dist/", import.meta.url);
  let url;
  if (indexURL instanceof URL) {
    url = new URL(indexURL.href);
  } else if (typeof indexURL === "string") {
    if (/^[a-z][a-z0-9+.-]*:/i.test(indexURL)) {
      url = new URL(indexURL);
    } else if (isNode) {
      const { pathToFileURL } = await import("node:url");
      const { resolve } = await import("node:path");
      url = pathToFileURL(resolve(indexURL));
    } else {
      url = new URL(indexURL, globalThis.location?.href);
    }
  } else {
    throw new TypeError(`loadPython: indexURL must be a string or URL, got ${typeof indexURL}`);
  }
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url;
}

/** The bytes of `name` inside `base`; a missing file names where it was looked for. */
export async function readAsset(base, name) {
  const url = new URL(name, base);
  if (url.protocol === "file:") {
    const { readFile } = await import("node:fs/promises");
    const { fileURLToPath } = await import("node:url");
    try {
      return new Uint8Array(await readFile(url));
    } catch (e) {
      throw new Error(
        `loadPython: cannot read ${name}: looked for it at ${fileURLToPath(url)} (${e.code ?? e.message}). ` +
          "Build it with `cargo xtask build`, or pass loadPython({indexURL}) pointing at the folder that has it.",
      );
    }
  }
  let res;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new Error(`loadPython: cannot fetch ${name} from ${url.href}: ${e.message}`);
  }
  if (!res.ok) throw new Error(`loadPython: cannot fetch ${name}: ${url.href} answered HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}
