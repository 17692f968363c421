// WASI for the interpreter, served from JS by @bjorn3/browser_wasi_shim, with
// the standard library zip in its in-memory file system.

import { WASI, File, Fd, Inode, ConsoleStdout, PreopenDirectory, Directory, wasi as defs } from "@bjorn3/browser_wasi_shim";
import { HostDir, onHost, setHostTimes } from "./nodefs.js";
import { installFileTimes, setTimes } from "./fstimes.js";

/**
 * Python's stdin: bytes from `source()` (setStdin: `{stdin}` returns a string
 * or bytes per call, null/undefined at the end; `{read}` fills a buffer and
 * returns the count; `{error: true}` makes reads fail with EIO). The default
 * source is empty: Python sees end of file.
 */
/** The file type a standard stream reports: a terminal only when asked (`isatty`). */
const streamType = (tty) => (tty() ? defs.FILETYPE_CHARACTER_DEVICE : defs.FILETYPE_UNKNOWN);

class Stdin extends Fd {
  constructor(source, tty) {
    super();
    this.source = source;
    this.tty = tty;
    this.pending = new Uint8Array(0);
  }
  fd_fdstat_get() {
    return { ret: 0, fdstat: new defs.Fdstat(streamType(this.tty), 0) };
  }
  fd_filestat_get() {
    return { ret: 0, filestat: new defs.Filestat(0n, streamType(this.tty), 0n) };
  }
  fd_read(size) {
    if (this.pending.length === 0) {
      let chunk;
      try {
        chunk = this.source(size);
      } catch {
        return { ret: defs.ERRNO_IO, data: new Uint8Array(0) };
      }
      if (chunk === null || chunk === undefined) return { ret: 0, data: new Uint8Array(0) };
      this.pending = typeof chunk === "string" ? new TextEncoder().encode(chunk) : new Uint8Array(chunk);
    }
    const n = Math.min(size, this.pending.length);
    const data = this.pending.slice(0, n);
    this.pending = this.pending.subarray(n);
    return { ret: 0, data };
  }
}

/** `/dev/null` (`os.devnull`): reads are at end of file, writes vanish. */
class NullDevice extends Inode {
  path_open() {
    return { ret: defs.ERRNO_SUCCESS, fd_obj: new NullFd(this) };
  }
  stat() {
    return new defs.Filestat(this.ino, defs.FILETYPE_CHARACTER_DEVICE, 0n);
  }
}

class NullFd extends Fd {
  constructor(inode) {
    super();
    this.inode = inode;
  }
  fd_fdstat_get() {
    return { ret: 0, fdstat: new defs.Fdstat(defs.FILETYPE_CHARACTER_DEVICE, 0) };
  }
  fd_filestat_get() {
    return { ret: 0, filestat: this.inode.stat() };
  }
  fd_read() {
    return { ret: 0, data: new Uint8Array(0) };
  }
  fd_pread() {
    return { ret: 0, data: new Uint8Array(0) };
  }
  fd_write(data) {
    return { ret: 0, nwritten: data.byteLength };
  }
  fd_pwrite(data) {
    return { ret: 0, nwritten: data.byteLength };
  }
  fd_seek() {
    return { ret: 0, offset: 0n };
  }
  fd_tell() {
    return { ret: 0, offset: 0n };
  }
}

/** stdout/stderr, line by line to `write`; a terminal (isatty) only when `tty()` says so. */
class LineOutput extends ConsoleStdout {
  constructor(write, tty) {
    const dec = new TextDecoder("utf-8", { fatal: false });
    let pending = "";
    super((bytes) => {
      pending += dec.decode(bytes, { stream: true });
      const lines = pending.split("\n");
      pending = lines.pop();
      for (const line of lines) write(line);
    });
    this.tty = tty;
  }
  fd_fdstat_get() {
    const r = super.fd_fdstat_get();
    r.fdstat.fs_filetype = streamType(this.tty);
    return r;
  }
  fd_filestat_get() {
    const r = super.fd_filestat_get();
    r.filestat.filetype = streamType(this.tty);
    return r;
  }
}

/**
 * The preopened root. Renames are unlink-then-link in the shim; an entry on a
 * host mount (mountNodeFS) stays in place until the link moves it there, and
 * a rename across a mount's edge is EXDEV, as between two devices.
 */
class Root extends PreopenDirectory {
  path_unlink(pathStr) {
    const { inode_obj } = this.path_lookup(pathStr, 0);
    if (inode_obj !== null && onHost(inode_obj)) return { ret: defs.ERRNO_SUCCESS, inode_obj };
    return super.path_unlink(pathStr);
  }
  path_link(pathStr, inode, allowDir) {
    const trimmed = pathStr.replace(/\/+$/, "");
    const at = trimmed.lastIndexOf("/");
    const { inode_obj: parent } = this.path_lookup(at < 0 ? "." : trimmed.slice(0, at), 0);
    if (parent !== null && onHost(inode) !== parent instanceof HostDir) return defs.ERRNO_XDEV;
    return super.path_link(pathStr, inode, allowDir);
  }
  /**
   * `mkdir` of an existing path is EEXIST (the shim opens the existing
   * directory and reports success, which broke SQLite's dot-file locks and
   * `os.makedirs(exist_ok=False)`).
   */
  path_create_directory(pathStr) {
    const { inode_obj } = this.path_lookup(pathStr, 0);
    if (inode_obj !== null) return defs.ERRNO_EXIST;
    return super.path_create_directory(pathStr);
  }
  /**
   * `open(dir, O_CREAT)` or `O_TRUNC` is EISDIR, as on Linux; the shim
   * opened the directory. (wasi-libc passes no rights, so a plain O_WRONLY
   * open cannot be told apart here; writes to the descriptor fail with EBADF.)
   */
  path_open(dirflags, pathStr, oflags, rightsBase, rightsInheriting, fdFlags) {
    if ((oflags & (defs.OFLAGS_CREAT | defs.OFLAGS_TRUNC)) !== 0 && (oflags & defs.OFLAGS_DIRECTORY) === 0) {
      const { inode_obj } = this.path_lookup(pathStr, dirflags);
      if (inode_obj !== null && inode_obj.stat().filetype === defs.FILETYPE_DIRECTORY) return { ret: defs.ERRNO_ISDIR, fd_obj: null };
    }
    return super.path_open(dirflags, pathStr, oflags, rightsBase, rightsInheriting, fdFlags);
  }
  /** `os.utime`: host entries get the times on the host, in-memory ones keep them (fstimes.js). */
  path_filestat_set_times(flags, pathStr, atim, mtim, fstFlags) {
    const { ret, inode_obj } = this.path_lookup(pathStr, flags);
    if (inode_obj === null) return ret;
    if (onHost(inode_obj)) return setHostTimes(inode_obj, atim, mtim, fstFlags);
    return setTimes(inode_obj, atim, mtim, fstFlags);
  }
}

/** Where the interpreter looks for its standard library (on the default sys.path). */
export const STDLIB_PATH = "/usr/local/lib/python313.zip";
/** The optional archive (loadPython({ fullStdLib: true })), on sys.path through PYTHONPATH. */
export const STDLIB_EXTRA_PATH = "/usr/local/lib/python313-extra.zip";

function dir(entries) {
  return new Directory(new Map(entries));
}

export function createWasi({ stdlib, stdlibExtra = null, stdout, stderr, stdin = () => null, env = {}, tty = {} }) {
  installFileTimes();
  const isTty = (name) => () => !!tty[name];
  const libFiles = [["python313.zip", new File(stdlib, { readonly: true })]];
  if (stdlibExtra) libFiles.push(["python313-extra.zip", new File(stdlibExtra, { readonly: true })]);
  const root = new Root(
    "/",
    new Map([
      ["usr", dir([["local", dir([["lib", dir(libFiles)]])]])],
      ["tmp", dir([])],
      ["dev", dir([["null", new NullDevice()]])],
      ["home", dir([])],
    ]),
  );
  const fds = [
    new Stdin(stdin, isTty("stdin")),
    new LineOutput(stdout, isTty("stdout")),
    new LineOutput(stderr, isTty("stderr")),
    root,
  ];
  const vars = {
    PYTHONHOME: "/usr/local",
    PYTHONUNBUFFERED: "1",
    PYTHONDONTWRITEBYTECODE: "1",
    HOME: "/home",
    ...env,
  };
  if (stdlibExtra) vars.PYTHONPATH = [env.PYTHONPATH, STDLIB_EXTRA_PATH].filter(Boolean).join(":");
  const wasi = new WASI(["python"], Object.entries(vars).map(([k, v]) => `${k}=${v}`), fds, { debug: false });
  wasi.rootDir = root.dir;
  return wasi;
}
