// File times for the in-memory file system, and the layout fix they need.
//
// browser_wasi_shim reports 0 (1970-01-01) for every time of every file, so
// `zipfile.ZipFile.write()` of a file made here failed ("ZIP does not support
// timestamps before 1980"; CPython's test_zipfile, test_shutil), `os.utime`
// did nothing, and mtime-based caches never saw a change. Its
// `Filestat.write_bytes` also puts atim/mtim/ctim at offsets 38/46/52 instead
// of WASI's 40/48/56 (harmless only while they are 0: atim's low bytes would
// land in the size's high bytes). Installed once per JS realm by wasi.js; it
// changes the shim's classes in place, since the shim creates files and
// directories itself (`create_entry_for_path`).
import { File, Directory, OpenFile, OpenDirectory, wasi as defs } from "@bjorn3/browser_wasi_shim";

const nowNs = () => BigInt(Date.now()) * 1_000_000n;
let installed = false;

/** An inode's times, set to now the first time anyone asks. */
function times(inode) {
  if (inode.mtimNs === undefined) {
    const t = nowNs();
    inode.atimNs = t;
    inode.mtimNs = t;
    inode.ctimNs = t;
  }
  return inode;
}

/** The file was written: its modification and change times are now. */
export function touch(inode) {
  times(inode);
  const t = nowNs();
  inode.mtimNs = t;
  inode.ctimNs = t;
}

/** `utimensat`/`futimens` on an in-memory inode (WASI's fstflags). */
export function setTimes(inode, atim, mtim, fstFlags) {
  times(inode);
  const t = nowNs();
  if (fstFlags & defs.FSTFLAGS_ATIM_NOW) inode.atimNs = t;
  else if (fstFlags & defs.FSTFLAGS_ATIM) inode.atimNs = BigInt(atim);
  if (fstFlags & defs.FSTFLAGS_MTIM_NOW) inode.mtimNs = t;
  else if (fstFlags & defs.FSTFLAGS_MTIM) inode.mtimNs = BigInt(mtim);
  inode.ctimNs = t;
  return defs.ERRNO_SUCCESS;
}

export function installFileTimes() {
  if (installed) return;
  installed = true;
  defs.Filestat.prototype.write_bytes = function (view, ptr) {
    view.setBigUint64(ptr, this.dev, true);
    view.setBigUint64(ptr + 8, this.ino, true);
    view.setUint8(ptr + 16, this.filetype);
    view.setBigUint64(ptr + 24, this.nlink, true);
    view.setBigUint64(ptr + 32, this.size, true);
    view.setBigUint64(ptr + 40, this.atim, true);
    view.setBigUint64(ptr + 48, this.mtim, true);
    view.setBigUint64(ptr + 56, this.ctim, true);
  };
  for (const Cls of [File, Directory]) {
    const stat = Cls.prototype.stat;
    Cls.prototype.stat = function () {
      const st = stat.call(this);
      times(this);
      st.atim = this.atimNs;
      st.mtim = this.mtimNs;
      st.ctim = this.ctimNs;
      return st;
    };
  }
  const create = Directory.prototype.create_entry_for_path;
  Directory.prototype.create_entry_for_path = function (pathStr, isDir) {
    const r = create.call(this, pathStr, isDir);
    if (r.entry) {
      times(r.entry);
      touch(this);
    }
    return r;
  };
  for (const name of ["fd_write", "fd_pwrite", "fd_filestat_set_size", "fd_allocate"]) {
    const f = OpenFile.prototype[name];
    OpenFile.prototype[name] = function (...args) {
      const r = f.apply(this, args);
      if ((r?.ret ?? r) === defs.ERRNO_SUCCESS) touch(this.file);
      return r;
    };
  }
  OpenFile.prototype.fd_filestat_set_times = function (atim, mtim, fstFlags) {
    return setTimes(this.file, atim, mtim, fstFlags);
  };
  OpenDirectory.prototype.fd_filestat_set_times = function (atim, mtim, fstFlags) {
    return setTimes(this.dir, atim, mtim, fstFlags);
  };
}
