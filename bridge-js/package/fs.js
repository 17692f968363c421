// `py.FS`: the subset of Emscripten's FS that Pyodide users call, over the
// interpreter's own file system (each call is one Python `os` call, so what JS
// writes Python's `open` sees, and back). Errors are FSError with the errno
// name (`code`: "ENOENT", "EEXIST"…) and number (`errno`), as Emscripten's
// ErrnoError has.

export class FSError extends Error {
  constructor(code, errno, message) {
    super(`${code}: ${message}`);
    this.code = code;
    this.errno = errno;
  }
  get name() {
    return "FSError";
  }
}

export function makeFS(runtime) {
  const op = (name, ...args) => {
    const r = runtime.helper("fs_op")(name, ...args);
    // [null, value] or [code, errno, message]
    if (r[0] !== null && r[0] !== undefined) throw new FSError(r[0], r[1], r[2]);
    return r[1];
  };
  const path = (p, what) => {
    if (typeof p !== "string" || p === "") throw new TypeError(`FS.${what}: the path must be a non-empty string, got ${JSON.stringify(p) ?? typeof p}`);
    return p;
  };
  return {
    /** Write `data` (a string, encoded as UTF-8, or bytes) to `file`. */
    writeFile(file, data, opts = {}) {
      path(file, "writeFile");
      let bytes = data;
      if (typeof data === "string") bytes = new TextEncoder().encode(data);
      else if (data instanceof ArrayBuffer) bytes = new Uint8Array(data);
      else if (!ArrayBuffer.isView(data)) throw new TypeError("FS.writeFile: data must be a string, an ArrayBuffer or a typed array");
      if (opts.encoding !== undefined && opts.encoding !== "utf8" && opts.encoding !== "binary") {
        throw new TypeError(`FS.writeFile: unknown encoding ${JSON.stringify(opts.encoding)} (utf8 or binary)`);
      }
      op("write", file, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
    /** The file's bytes (a Uint8Array), or with `{encoding: "utf8"}` its text. */
    readFile(file, opts = {}) {
      path(file, "readFile");
      const bytes = op("read", file);
      if (opts.encoding === "utf8") return new TextDecoder().decode(bytes);
      if (opts.encoding !== undefined && opts.encoding !== "binary") {
        throw new TypeError(`FS.readFile: unknown encoding ${JSON.stringify(opts.encoding)} (utf8 or binary)`);
      }
      return bytes;
    },
    mkdir: (p) => op("mkdir", path(p, "mkdir")),
    mkdirTree: (p) => op("makedirs", path(p, "mkdirTree")),
    /** The names in a directory, with "." and "..", as Emscripten gives them. */
    readdir: (p) => [".", "..", ...op("listdir", path(p, "readdir")).toJs()],
    stat(p) {
      const s = op("stat", path(p, "stat")).toJs();
      return { mode: s[0], size: s[1], mtime: new Date(s[2] * 1000), atime: new Date(s[3] * 1000), ctime: new Date(s[4] * 1000), isFile: s[5], isDirectory: s[6] };
    },
    isDir: (mode) => (mode & 0o170000) === 0o040000,
    isFile: (mode) => (mode & 0o170000) === 0o100000,
    unlink: (p) => op("unlink", path(p, "unlink")),
    rmdir: (p) => op("rmdir", path(p, "rmdir")),
    rename: (a, b) => op("rename", path(a, "rename"), path(b, "rename")),
    /** `{exists, isRoot, path, name, parentPath, error}`, never throwing for a missing path. */
    analyzePath(p) {
      const r = op("analyze", path(p, "analyzePath")).toJs();
      return { exists: r[0], isRoot: r[1], path: r[2], name: r[3], parentPath: r[4], parentExists: r[5], error: r[0] ? 0 : 44 };
    },
  };
}
