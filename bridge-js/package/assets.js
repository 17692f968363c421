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

/**
 * The bytes of `name` inside `base`; a missing file names where it was looked
 * for. `onProgress({what, loaded, total})`, when given, hears of the bytes as
 * they arrive (`what` is `name`; `total` is the Content-Length, undefined when
 * the server does not say or compresses); its last call for a file has
 * `loaded === total`. A local file (Node) is one call.
 */
export async function readAsset(base, name, onProgress) {
  const url = new URL(name, base);
  if (url.protocol === "file:") {
    const { readFile } = await import("node:fs/promises");
    const { fileURLToPath } = await import("node:url");
    try {
      const bytes = new Uint8Array(await readFile(url));
      onProgress?.({ what: name, loaded: bytes.length, total: bytes.length });
      return bytes;
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
  if (onProgress === undefined) return new Uint8Array(await res.arrayBuffer());
  return readReporting(res, name, onProgress);
}

/** The body of `res`, read chunk by chunk with a progress call after each. */
async function readReporting(res, name, onProgress) {
  const length = Number(res.headers.get("content-length"));
  const encoded = (res.headers.get("content-encoding") ?? "identity") !== "identity";
  // A compressed body's Content-Length counts the bytes on the wire, not the ones read.
  const total = Number.isSafeInteger(length) && length > 0 && !encoded ? length : undefined;
  onProgress({ what: name, loaded: 0, total });
  if (res.body === null) {
    const bytes = new Uint8Array(await res.arrayBuffer());
    onProgress({ what: name, loaded: bytes.length, total: bytes.length });
    return bytes;
  }
  const chunks = [];
  let loaded = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    if (loaded !== total) onProgress({ what: name, loaded, total });
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  onProgress({ what: name, loaded, total: loaded });
  return bytes;
}
