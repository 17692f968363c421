//! The third-party C libraries CPython's extension modules link, built as
//! static wasm32-wasi archives from Debian's upstream tarballs, each cached
//! under a key of its inputs as `<name>-wasi-<key>/` with `lib/` and `include/`:
//!
//! - zlib (`zlib`, `gzip`, `zipfile`): its own configure, `make libz.a`;
//! - libbz2 (`bz2`): the seven library sources compiled directly (bzip2's
//!   Makefile builds the command-line tools too, which need `fork`/signals);
//! - liblzma (`lzma`): xz-utils' configure cross-compiling only `src/liblzma`;
//! - SQLite (`sqlite3`): Debian ships SQLite's full source tree, so the
//!   amalgamation `sqlite3.c` is generated natively first (needs `tclsh`), then
//!   compiled for wasm32-wasi. SQLite's own `__wasi__` support turns off WAL
//!   (no shared memory), extension loading and threads, and picks the
//!   `unix-dotfile` VFS (wasm32-wasi has no `fcntl` locks).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::cpython::{extract, jobs, only_subdir, wasi_env, LLVM_AR, WASI_CC, WASI_TARGET};
use crate::paths::{self, CacheEntry, RECIPE_VERSION};
use crate::proc::{self, run_logged};
use crate::sources::{Sources, Tarball};
use crate::ui::{note, step, Result};

const CFLAGS: &str = "-O2";

/// SQLite compile-time options (part of its cache key). Beyond what SQLite's
/// `__wasi__` block sets: the options Python's `sqlite3` documentation and
/// Pyodide build with (FTS4/5, JSON is built in since 3.38, RTREE, math
/// functions), and no `mmap` (wasm32-wasi has none).
const SQLITE_DEFINES: &[&str] = &[
    "-DSQLITE_THREADSAFE=0",
    "-DSQLITE_OMIT_LOAD_EXTENSION",
    "-DSQLITE_MAX_MMAP_SIZE=0",
    "-DSQLITE_ENABLE_FTS4",
    "-DSQLITE_ENABLE_FTS5",
    "-DSQLITE_ENABLE_RTREE",
    "-DSQLITE_ENABLE_MATH_FUNCTIONS",
    "-DSQLITE_DEFAULT_MEMSTATUS=0",
];

/// The five libraries' install prefixes, each with `lib/` and `include/`.
pub struct CLibs {
    pub zlib: PathBuf,
    pub bzip2: PathBuf,
    pub xz: PathBuf,
    pub sqlite: PathBuf,
}

impl CLibs {
    /// The prefixes' folder names: they carry each one's cache key, so they
    /// go into the key of the CPython build that links them.
    pub fn key(&self) -> String {
        [&self.zlib, &self.bzip2, &self.xz, &self.sqlite]
            .iter()
            .map(|p| {
                p.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect::<Vec<_>>()
            .join(",")
    }

    /// (archive name, path) of each static library, as the final link wants them.
    pub fn archives(&self) -> Vec<(&'static str, PathBuf)> {
        vec![
            ("libz.a", self.zlib.join("lib/libz.a")),
            ("libbz2.a", self.bzip2.join("lib/libbz2.a")),
            ("liblzma.a", self.xz.join("lib/liblzma.a")),
            ("libsqlite3.a", self.sqlite.join("lib/libsqlite3.a")),
        ]
    }
}

pub fn build(cache: &Path, src: &Sources, toolchain: &str) -> Result<CLibs> {
    Ok(CLibs {
        zlib: step("zlib for wasm32-wasi", || zlib(cache, &src.zlib, toolchain))?,
        bzip2: step("libbz2 for wasm32-wasi", || {
            bzip2(cache, &src.bzip2, toolchain)
        })?,
        xz: step("liblzma for wasm32-wasi", || xz(cache, &src.xz, toolchain))?,
        sqlite: step("SQLite for wasm32-wasi", || {
            sqlite(cache, &src.sqlite, toolchain)
        })?,
    })
}

/// Runs `build` into a fresh cache entry unless it is already complete; the
/// closure gets the temporary prefix, its log, and an extracted source tree.
fn cached(
    cache: &Path,
    name: &str,
    key_parts: &[&str],
    tarball: &Tarball,
    build: impl FnOnce(&Path, &Path, &Path) -> Result<()>,
) -> Result<PathBuf> {
    let mut parts = vec![RECIPE_VERSION, name, &tarball.sha256];
    parts.extend_from_slice(key_parts);
    let entry = CacheEntry::new(cache, &format!("{name}-wasi"), &paths::key(&parts));
    if entry.is_done() {
        note(format!("cached: {}", entry.dir.display()));
        return Ok(entry.dir.clone());
    }
    let tmp = entry.start()?;
    let log = tmp.join("build.log");
    let work = tmp.join("src");
    fs::create_dir_all(&work)?;
    extract(&tarball.path, &work, &[])?;
    let srcdir = only_subdir(&work)?;
    build(tmp, &log, &srcdir)?;
    fs::remove_dir_all(&work)?;
    entry.finish()?;
    Ok(entry.dir.clone())
}

fn wasi_cc() -> Command {
    let mut c = Command::new(WASI_CC);
    c.arg(format!("--target={WASI_TARGET}"));
    c
}

/// Compiles `sources` (relative to `srcdir`) with the wasm32-wasi compiler and
/// archives the objects as `<prefix>/lib/<archive>`.
fn compile_archive(
    srcdir: &Path,
    sources: &[&str],
    flags: &[&str],
    prefix: &Path,
    archive: &str,
    log: &Path,
) -> Result<()> {
    let mut objects = Vec::new();
    for s in sources {
        let obj = srcdir.join(format!("{s}.o"));
        run_logged(
            wasi_cc()
                .arg(CFLAGS)
                .args(flags)
                .arg("-c")
                .arg(srcdir.join(s))
                .arg("-o")
                .arg(&obj),
            log,
        )?;
        objects.push(obj);
    }
    let out = prefix.join("lib").join(archive);
    fs::create_dir_all(prefix.join("lib"))?;
    run_logged(
        Command::new(LLVM_AR).arg("rcs").arg(&out).args(&objects),
        log,
    )
}

fn copy_headers(from: &Path, names: &[&str], prefix: &Path) -> Result<()> {
    for h in names {
        paths::copy(&from.join(h), &prefix.join("include").join(h))?;
    }
    Ok(())
}

fn zlib(cache: &Path, tarball: &Tarball, toolchain: &str) -> Result<PathBuf> {
    cached(
        cache,
        "zlib",
        &[toolchain, CFLAGS],
        tarball,
        |prefix, log, srcdir| {
            run_logged(
                wasi_env(&mut Command::new("./configure"))
                    .env("CFLAGS", CFLAGS)
                    .arg("--static")
                    .current_dir(srcdir),
                log,
            )?;
            run_logged(
                Command::new("make")
                    .args([&jobs(), "libz.a"])
                    .current_dir(srcdir),
                log,
            )?;
            paths::copy(&srcdir.join("libz.a"), &prefix.join("lib/libz.a"))?;
            copy_headers(srcdir, &["zlib.h", "zconf.h"], prefix)
        },
    )
}

const BZIP2_SOURCES: &[&str] = &[
    "blocksort.c",
    "huffman.c",
    "crctable.c",
    "randtable.c",
    "compress.c",
    "decompress.c",
    "bzlib.c",
];

fn bzip2(cache: &Path, tarball: &Tarball, toolchain: &str) -> Result<PathBuf> {
    let flags = ["-D_FILE_OFFSET_BITS=64"];
    let sources = BZIP2_SOURCES.join(" ");
    cached(
        cache,
        "bzip2",
        &[toolchain, CFLAGS, &flags.join(" "), &sources],
        tarball,
        |prefix, log, srcdir| {
            compile_archive(srcdir, BZIP2_SOURCES, &flags, prefix, "libbz2.a", log)?;
            copy_headers(srcdir, &["bzlib.h"], prefix)
        },
    )
}

const XZ_CONFIGURE_ARGS: &[&str] = &[
    "--disable-shared",
    "--enable-static",
    "--disable-threads",
    "--disable-xz",
    "--disable-xzdec",
    "--disable-lzmadec",
    "--disable-lzmainfo",
    "--disable-lzma-links",
    "--disable-scripts",
    "--disable-doc",
    "--disable-nls",
    "--disable-sandbox",
    "--disable-rpath",
];

fn xz(cache: &Path, tarball: &Tarball, toolchain: &str) -> Result<PathBuf> {
    let args = XZ_CONFIGURE_ARGS.join(" ");
    cached(
        cache,
        "xz",
        &[toolchain, CFLAGS, &args],
        tarball,
        |prefix, log, srcdir| {
            run_logged(
                wasi_env(&mut Command::new("./configure"))
                    .env("CFLAGS", CFLAGS)
                    .arg(format!("--host={WASI_TARGET}"))
                    .args(XZ_CONFIGURE_ARGS)
                    .current_dir(srcdir),
                log,
            )?;
            let lib = srcdir.join("src/liblzma");
            run_logged(Command::new("make").arg(jobs()).current_dir(&lib), log)?;
            paths::copy(&lib.join(".libs/liblzma.a"), &prefix.join("lib/liblzma.a"))?;
            let api = lib.join("api");
            paths::copy(&api.join("lzma.h"), &prefix.join("include/lzma.h"))?;
            for e in fs::read_dir(api.join("lzma"))? {
                let p = e?.path();
                if p.extension().is_some_and(|x| x == "h") {
                    let name = p.file_name().unwrap_or_default();
                    paths::copy(&p, &prefix.join("include/lzma").join(name))?;
                }
            }
            Ok(())
        },
    )
}

fn sqlite(cache: &Path, tarball: &Tarball, toolchain: &str) -> Result<PathBuf> {
    let tclsh = proc::require(
        "tclsh",
        "apt package tcl (SQLite's amalgamation is generated by Tcl scripts)",
    )?;
    let defines = SQLITE_DEFINES.join(" ");
    cached(
        cache,
        "sqlite",
        &[toolchain, CFLAGS, &defines],
        tarball,
        |prefix, log, srcdir| {
            // The amalgamation, generated by a native configure + make (lemon and
            // the Tcl scripts run on the build machine).
            step("sqlite3.c amalgamation (native)", || {
                run_logged(
                    Command::new("./configure")
                        .args(["--disable-tcl", "--disable-readline", "--disable-shared"])
                        .env("TCLSH_CMD", &tclsh)
                        .current_dir(srcdir),
                    log,
                )?;
                run_logged(
                    Command::new("make")
                        .args([&jobs(), "sqlite3.c"])
                        .current_dir(srcdir),
                    log,
                )
            })?;
            step("compile sqlite3.c (wasm32-wasi)", || {
                compile_archive(
                    srcdir,
                    &["sqlite3.c"],
                    SQLITE_DEFINES,
                    prefix,
                    "libsqlite3.a",
                    log,
                )
            })?;
            copy_headers(srcdir, &["sqlite3.h", "sqlite3ext.h"], prefix)
        },
    )
}
