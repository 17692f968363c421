// mountNodeFS: a directory of the host (Node) inside the interpreter's file
// system. Python's file operations under the mount point go straight to the
// host through Node's synchronous fs calls: the shim's in-memory tree holds a
// HostDir whose `contents` is a live view of the host directory, files open
// as host file descriptors, and renames inside one mount are host renames
// (across the mount's edge they are EXDEV, as between devices).

import { Directory, Fd, File, Inode, wasi as defs } from "@bjorn3/browser_wasi_shim";

/** Node's fs and path modules, loaded once (mountNodeFS is Node only). */
let node;
export async function loadNodeModules() {
  node ??= { fs: await import("node:fs"), path: await import("node:path") };
  return node;
}

/** An errno name from Node ("ENOENT") as a WASI errno. */
function wasiErrno(e) {
  const name = `ERRNO_${String(e?.code ?? "IO").replace(/^E/, "")}`;
  return defs[name] ?? defs.ERRNO_IO;
}

/** One mount: inodes by host path, so a file keeps its inode number. */
class Mount {
  constructor(root) {
    this.root = root;
    this.inodes = new Map();
  }
  inode(p, isDir) {
    let ino = this.inodes.get(p);
    if (ino === undefined || ino instanceof HostDir !== isDir) {
      ino = isDir ? new HostDir(this, p) : new HostFile(this, p);
      this.inodes.set(p, ino);
    }
    return ino;
  }
  move(from, to, ino) {
    this.inodes.delete(from);
    ino.hostPath = to;
    this.inodes.set(to, ino);
  }
}

/** A live, Map-shaped view of a host directory (what the shim's Directory keeps in `contents`). */
class HostContents {
  constructor(dir) {
    this.dir = dir;
  }
  names() {
    try {
      return node.fs.readdirSync(this.dir.hostPath).sort();
    } catch {
      return [];
    }
  }
  get size() {
    return this.names().length;
  }
  get(name) {
    const p = node.path.join(this.dir.hostPath, name);
    let st;
    try {
      st = node.fs.statSync(p);
    } catch {
      return undefined;
    }
    const ino = this.dir.mount.inode(p, st.isDirectory());
    if (ino instanceof HostDir) ino.parent = this.dir;
    return ino;
  }
  has(name) {
    return this.get(name) !== undefined;
  }
  /** A new entry (a file or directory the shim made in memory), or a rename's target. */
  set(name, inode) {
    const target = node.path.join(this.dir.hostPath, name);
    if (inode instanceof HostFile || inode instanceof HostDir) {
      if (inode.hostPath !== target) {
        node.fs.renameSync(inode.hostPath, target);
        inode.mount.move(inode.hostPath, target, inode);
      }
      return this;
    }
    if (inode instanceof Directory) {
      node.fs.mkdirSync(target);
    } else if (inode instanceof File) {
      node.fs.writeFileSync(target, inode.data);
    } else {
      throw new Error(`mountNodeFS: cannot store a ${inode?.constructor?.name} on the host`);
    }
    // The shim goes on using the object it made: make it the host entry.
    const host = this.dir.mount.inode(target, inode instanceof Directory);
    Object.setPrototypeOf(inode, Object.getPrototypeOf(host));
    Object.assign(inode, host);
    this.dir.mount.inodes.set(target, inode);
    if (inode instanceof HostDir) inode.parent = this.dir;
    return this;
  }
  delete(name) {
    const p = node.path.join(this.dir.hostPath, name);
    try {
      if (node.fs.lstatSync(p).isDirectory()) node.fs.rmdirSync(p);
      else node.fs.unlinkSync(p);
    } catch {
      return false;
    }
    this.dir.mount.inodes.delete(p);
    return true;
  }
  *entries() {
    for (const n of this.names()) {
      const e = this.get(n);
      if (e !== undefined) yield [n, e];
    }
  }
  *keys() {
    yield* this.names();
  }
  *values() {
    for (const [, e] of this.entries()) yield e;
  }
  [Symbol.iterator]() {
    return this.entries();
  }
}

export class HostDir extends Directory {
  constructor(mount, hostPath) {
    super(new Map());
    this.mount = mount;
    this.hostPath = hostPath;
    this.contents = new HostContents(this);
  }
}

export class HostFile extends Inode {
  constructor(mount, hostPath) {
    super();
    this.mount = mount;
    this.hostPath = hostPath;
  }
  get size() {
    return BigInt(node.fs.statSync(this.hostPath).size);
  }
  stat() {
    return hostFilestat(this.ino, () => node.fs.statSync(this.hostPath, { bigint: true }));
  }
  path_open(oflags, rightsBase, fdFlags) {
    // Read-write when the host allows it (WASI's rights do not say reliably
    // whether the guest will write); read-only otherwise.
    let fd;
    try {
      try {
        fd = node.fs.openSync(this.hostPath, "r+");
      } catch (e) {
        if (e.code !== "EACCES" && e.code !== "EPERM" && e.code !== "EROFS") throw e;
        fd = node.fs.openSync(this.hostPath, "r");
      }
      if ((oflags & defs.OFLAGS_TRUNC) === defs.OFLAGS_TRUNC) node.fs.ftruncateSync(fd, 0);
    } catch (e) {
      if (fd !== undefined) node.fs.closeSync(fd);
      return { ret: wasiErrno(e), fd_obj: null };
    }
    return { ret: defs.ERRNO_SUCCESS, fd_obj: new HostOpenFile(this, fd, (fdFlags & defs.FDFLAGS_APPEND) !== 0) };
  }
}

/** An open host file: reads and writes at a position, through Node's fd calls. */
class HostOpenFile extends Fd {
  constructor(file, fd, append) {
    super();
    this.file = file;
    this.fd = fd;
    this.append = append;
    this.pos = 0;
  }
  guard(f) {
    try {
      return f();
    } catch (e) {
      return { ret: wasiErrno(e) };
    }
  }
  fd_fdstat_get() {
    return { ret: 0, fdstat: new defs.Fdstat(defs.FILETYPE_REGULAR_FILE, this.append ? defs.FDFLAGS_APPEND : 0) };
  }
  fd_filestat_get() {
    return this.guard(() => ({
      ret: 0,
      filestat: hostFilestat(this.file.ino, () => node.fs.fstatSync(this.fd, { bigint: true })),
    }));
  }
  fd_filestat_set_size(size) {
    const r = this.guard(() => (node.fs.ftruncateSync(this.fd, Number(size)), { ret: 0 }));
    return r.ret;
  }
  fd_read(size) {
    return this.guard(() => {
      const buf = new Uint8Array(size);
      const n = node.fs.readSync(this.fd, buf, 0, size, this.pos);
      this.pos += n;
      return { ret: 0, data: buf.subarray(0, n) };
    });
  }
  fd_pread(size, offset) {
    return this.guard(() => {
      const buf = new Uint8Array(size);
      const n = node.fs.readSync(this.fd, buf, 0, size, Number(offset));
      return { ret: 0, data: buf.subarray(0, n) };
    });
  }
  fd_write(data) {
    return this.guard(() => {
      if (this.append) this.pos = node.fs.fstatSync(this.fd).size;
      const n = node.fs.writeSync(this.fd, data, 0, data.byteLength, this.pos);
      this.pos += n;
      return { ret: 0, nwritten: n };
    });
  }
  fd_pwrite(data, offset) {
    return this.guard(() => ({ ret: 0, nwritten: node.fs.writeSync(this.fd, data, 0, data.byteLength, Number(offset)) }));
  }
  fd_seek(offset, whence) {
    return this.guard(() => {
      let base;
      if (whence === defs.WHENCE_SET) base = 0n;
      else if (whence === defs.WHENCE_CUR) base = BigInt(this.pos);
      else if (whence === defs.WHENCE_END) base = BigInt(node.fs.fstatSync(this.fd).size);
      else return { ret: defs.ERRNO_INVAL, offset: 0n };
      const at = base + offset;
      if (at < 0n) return { ret: defs.ERRNO_INVAL, offset: 0n };
      this.pos = Number(at);
      return { ret: 0, offset: at };
    });
  }
  fd_tell() {
    return { ret: 0, offset: BigInt(this.pos) };
  }
  fd_sync() {
    return this.guard(() => (node.fs.fsyncSync(this.fd), { ret: 0 })).ret;
  }
  fd_datasync() {
    return this.fd_sync();
  }
  fd_close() {
    return this.guard(() => (node.fs.closeSync(this.fd), { ret: 0 })).ret;
  }
}

/** `os.utime` on a host entry: WASI's times (ns) or "now", per `fstFlags`. */
/** A host file's size and times (zero if it is gone from the host meanwhile). */
function hostFilestat(ino, statBig) {
  const st = new defs.Filestat(ino, defs.FILETYPE_REGULAR_FILE, 0n);
  try {
    const s = statBig();
    st.size = s.size;
    st.atim = s.atimeNs;
    st.mtim = s.mtimeNs;
    st.ctim = s.ctimeNs;
  } catch {
    // gone from the host meanwhile
  }
  return st;
}

export function setHostTimes(inode, atim, mtim, fstFlags) {
  try {
    const st = node.fs.statSync(inode.hostPath);
    const now = Date.now() / 1000;
    const pick = (flagNow, flagSet, ns, old) =>
      fstFlags & flagNow ? now : fstFlags & flagSet ? Number(BigInt(ns) / 1000n) / 1e6 : old;
    const a = pick(defs.FSTFLAGS_ATIM_NOW, defs.FSTFLAGS_ATIM, atim, st.atimeMs / 1000);
    const m = pick(defs.FSTFLAGS_MTIM_NOW, defs.FSTFLAGS_MTIM, mtim, st.mtimeMs / 1000);
    node.fs.utimesSync(inode.hostPath, a, m);
    return defs.ERRNO_SUCCESS;
  } catch (e) {
    return wasiErrno(e);
  }
}

/** Whether an inode lives on a host mount. */
export const onHost = (inode) => inode instanceof HostFile || inode instanceof HostDir;

/**
 * Mount host directory `hostPath` at guest path `guestPath` (made if
 * missing) in the tree under `rootDir` (the preopened root's Directory).
 */
export function mountInto(rootDir, guestPath, hostPath) {
  const { fs, path } = node;
  let st;
  try {
    st = fs.statSync(hostPath);
  } catch (e) {
    throw new Error(`mountNodeFS: cannot mount ${hostPath}: ${e.code ?? e.message}`);
  }
  if (!st.isDirectory()) throw new Error(`mountNodeFS: ${hostPath} is not a directory`);
  const parts = path.posix.normalize(guestPath).split("/").filter(Boolean);
  if (!guestPath.startsWith("/") || parts.length === 0) {
    throw new Error(`mountNodeFS: the guest path must be an absolute path below the root, got ${JSON.stringify(guestPath)}`);
  }
  let dir = rootDir;
  for (const part of parts.slice(0, -1)) {
    let next = dir.contents.get(part);
    if (next === undefined) {
      next = new Directory(new Map());
      next.parent = dir;
      dir.contents.set(part, next);
    } else if (!(next instanceof Directory)) {
      throw new Error(`mountNodeFS: ${part} in ${guestPath} is a file, not a directory`);
    }
    dir = next;
  }
  const mount = new Mount(path.resolve(hostPath));
  const top = mount.inode(mount.root, true);
  top.parent = dir;
  dir.contents.set(parts.at(-1), top);
}
