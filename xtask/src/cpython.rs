//! Builds CPython for wasm32-wasi (toolchain A: Debian clang-19 + wasi-libc),
//! each stage cached outside the clone under a key of its inputs:
//!
//! - `build-python-<key>/`: a native CPython 3.13.5 (in-tree build) used as the
//!   cross build's `--with-build-python` and to make the stdlib zip;
//! - `zlib-wasi-`, `bzip2-wasi-`, `xz-wasi-`, `sqlite-wasi-<key>/`: the C
//!   libraries the extension modules link (`clibs.rs`);
//! - `cpython-wasi-<key>/`: `lib/` with libpython3.13.a and the archives it needs,
//!   `python.wasm`, and `_sysconfigdata__wasi_wasm32-wasi.py`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::clibs::{self, CLibs};
use crate::paths::{self, CacheEntry, RECIPE_VERSION};
use crate::proc::{self, capture, run, run_logged};
use crate::sources::{Sources, Tarball, CPYTHON_VERSION};
use crate::ui::{note, step, Result};
use crate::{bail, err};

pub const WASI_CC: &str = "clang-19";
pub const WASI_TARGET: &str = "wasm32-wasi";
pub const LLVM_AR: &str = "llvm-ar-19";
const LLVM_RANLIB: &str = "llvm-ranlib-19";
const HOST_TRIPLE: &str = "wasm32-wasip1";
pub const WASI_SYSROOT_LIB: &str = "/usr/lib/wasm32-wasi";
pub const SYSCONFIGDATA: &str = "_sysconfigdata__wasi_wasm32-wasi.py";

/// Extra answers for configure beyond CPython's own `Tools/wasm/config.site-wasm32-wasi`.
/// Debian's wasi-libc has no `<pthread.h>`, so CPython uses its own pthread stubs
/// (`Include/cpython/pthread_stubs.h`: `pthread_t` and `pthread_key_t` are `unsigned`);
/// configure cannot see them, so give it the answers.
/// Patches applied to the CPython source for the wasm build (`patch -p1`),
/// part of its cache key. `wasi-interrupt`: an embedder hook polled where
/// Emscripten polls its signal buffer, for `setInterruptBuffer`. `int-freelist`:
/// CPython 3.14's free list of one-digit ints, backported (ints are allocated
/// and freed on every step of a `for i in range(...)` past 256).
/// `init-specialization`: 3.14's `CALL_ALLOC_AND_ENTER_INIT` for every class
/// layout (3.13 only specializes classes with inline values, so creating an
/// instance of a `__slots__` class with an `__init__` takes the generic path
/// and a nested C-level interpreter call). `wasi-stack-limits`: a C recursion
/// limit sized for the JS engine's stack, where wasm frames live (deep C-level
/// recursion raised no RecursionError before V8's fatal RangeError).
const WASM_PATCHES: &[(&str, &str)] = &[
    (
        "cpython-3.13.5-wasi-interrupt.patch",
        include_str!("../../patches/cpython/cpython-3.13.5-wasi-interrupt.patch"),
    ),
    (
        "cpython-3.13.5-int-freelist.patch",
        include_str!("../../patches/cpython/cpython-3.13.5-int-freelist.patch"),
    ),
    (
        "cpython-3.13.5-init-specialization.patch",
        include_str!("../../patches/cpython/cpython-3.13.5-init-specialization.patch"),
    ),
    (
        "cpython-3.13.5-wasi-stack-limits.patch",
        include_str!("../../patches/cpython/cpython-3.13.5-wasi-stack-limits.patch"),
    ),
];

/// configure options for the wasm build beyond the host/build triples (part
/// of its cache key). configure turns pymalloc off for WASI by default; with
/// it, small objects come from pymalloc's pools instead of a dlmalloc call
/// each (the figure is in the commit that turned it on). ThinLTO (clang-19
/// bitcode in the archives; rust-lld, a newer LLVM, does the LTO when it links
/// the bridge) with -O2: pure-Python geomean 0.94x -> 1.04x Pyodide's, for
/// +1.6 MB raw / +0.32 MB gzip of module (-O3 with LTO: same speed, 0.24 MB
/// larger); the commit that turned it on has the table. No test modules
/// (`_testcapi`, `_testinternalcapi`…): 0.6 MB raw / 0.22 MB gzipped of
/// module nobody's page imports.
const WASM_CONFIGURE_ARGS: &[&str] = &[
    "--with-pymalloc",
    "--disable-test-modules",
    "--with-lto=thin",
    "OPT=-DNDEBUG -g -O2 -Wall",
];

const CONFIG_SITE_EXTRA: &str =
    "\n# Added by cargo xtask (Debian wasi-libc has no pthread.h; CPython's stubs are used):\n\
ac_cv_have_pthread_t=yes\n\
ac_cv_sizeof_pthread_t=4\n\
ac_cv_sizeof_pthread_key_t=4\n\
ac_cv_pthread_key_t_is_arithmetic_type=yes\n";

/// The archives (besides wasi-libc's) a program embedding this CPython links, in `lib/`.
pub const LINK_ARCHIVES: &[&str] = &[
    "python3.13",
    "mpdec",
    "Hacl_Hash_SHA2",
    "expat",
    "z",
    "bz2",
    "lzma",
    "sqlite3",
];

/// The native build python only runs build scripts and compiles the stdlib zip:
/// skip the test modules and the extension modules it never uses (saves about a
/// third of its compile time). Skipped through configure's `py_cv_module_<name>=n/a`.
const NATIVE_CONFIGURE_ARGS: &[&str] = &["--disable-test-modules"];
const NATIVE_SKIPPED_MODULES: &[&str] = &[
    "_ctypes",
    "_curses",
    "_curses_panel",
    "_dbm",
    "_gdbm",
    "_decimal",
    "_hashlib",
    "_lzma",
    "_bz2",
    "_sqlite3",
    "_ssl",
    "_tkinter",
    "_uuid",
    "readline",
];

/// The `<NAME>_CFLAGS`/`<NAME>_LIBS` pairs CPython's configure reads instead
/// of asking pkg-config (which never answers for the wasm build).
fn library_env(libs: &CLibs) -> Vec<(String, String)> {
    let pairs = [
        ("ZLIB", &libs.zlib, "z"),
        ("BZIP2", &libs.bzip2, "bz2"),
        ("LIBLZMA", &libs.xz, "lzma"),
        ("LIBSQLITE3", &libs.sqlite, "sqlite3"),
    ];
    let mut env = Vec::new();
    for (name, prefix, lib) in pairs {
        env.push((
            format!("{name}_CFLAGS"),
            format!("-I{}", prefix.join("include").display()),
        ));
        env.push((
            format!("{name}_LIBS"),
            format!("-L{} -l{lib}", prefix.join("lib").display()),
        ));
    }
    env
}

/// Everything the rest of the pipeline needs from the CPython build.
pub struct Cpython {
    /// Native CPython 3.13.5 executable (same version as the wasm one).
    pub build_python: PathBuf,
    /// Folder with the archives in `LINK_ARCHIVES` (libpython3.13.a and what it needs).
    pub lib_dir: PathBuf,
    /// The wasm build's output folder (python.wasm, sysconfigdata).
    pub wasm_dir: PathBuf,
    /// Cache key of the wasm build (input of later stages' keys).
    pub key: String,
}

pub fn jobs() -> String {
    let j = std::env::var("BRIDGE_JOBS")
        .ok()
        .filter(|j| j.parse::<u32>().is_ok())
        .unwrap_or_else(|| "2".into());
    format!("-j{j}")
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").to_string()
}

/// Toolchain identity strings that go into cache keys.
fn wasi_toolchain_id() -> Result<String> {
    proc::require(WASI_CC, "apt package clang-19")?;
    proc::require(LLVM_AR, "apt package llvm-19 (pulled in by clang-19)")?;
    proc::require_file(
        &Path::new(WASI_SYSROOT_LIB).join("libc.a"),
        "wasi-libc (apt package wasi-libc)",
    )?;
    let cc = first_line(&capture(Command::new(WASI_CC).arg("--version"))?);
    let libc =
        proc::try_capture(Command::new("dpkg-query").args(["-W", "-f=${Version}", "wasi-libc"]))
            .unwrap_or_else(|| "wasi-libc-unknown".into());
    Ok(format!("{cc}|wasi-libc {libc}"))
}

pub fn extract(tarball: &Path, into: &Path, members: &[&str]) -> Result<()> {
    run(Command::new("tar")
        .arg("-xf")
        .arg(tarball)
        .arg("-C")
        .arg(into)
        .args(members))
}

/// The single top-level folder a tarball was extracted into.
pub fn only_subdir(dir: &Path) -> Result<PathBuf> {
    let dirs: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    match dirs.as_slice() {
        [one] => Ok(one.clone()),
        _ => bail!(
            "expected one folder in {} after extracting, found {}",
            dir.display(),
            dirs.len()
        ),
    }
}

pub fn build(cache: &Path, src: &Sources) -> Result<Cpython> {
    let toolchain = wasi_toolchain_id()?;
    let build_python = step("native build python", || native(cache, &src.cpython))?;
    let libs = clibs::build(cache, src, &toolchain)?;
    step("CPython for wasm32-wasi", || {
        wasm(cache, &src.cpython, &build_python, &libs, &toolchain)
    })
}

/// Native CPython, built in-tree so the folder can be renamed (the build tree finds
/// its stdlib relative to the executable).
fn native(cache: &Path, tarball: &Tarball) -> Result<PathBuf> {
    let cc = proc::which("cc")
        .ok_or_else(|| err!("no C compiler `cc` on PATH (apt package gcc / build-essential)"))?;
    let cc_id = first_line(&capture(Command::new(&cc).arg("--version"))?);
    let skipped = NATIVE_SKIPPED_MODULES.join(",");
    let key = paths::key(&[
        RECIPE_VERSION,
        "native",
        &tarball.sha256,
        &cc_id,
        &NATIVE_CONFIGURE_ARGS.join(" "),
        &skipped,
    ]);
    let entry = CacheEntry::new(cache, "build-python", &key);
    let python = |d: &Path| d.join(format!("Python-{CPYTHON_VERSION}/python"));
    if entry.is_done() {
        note(format!("cached: {}", python(&entry.dir).display()));
        return Ok(python(&entry.dir));
    }
    let tmp = entry.start()?;
    let log = tmp.join("build.log");
    extract(&tarball.path, tmp, &[])?;
    let srcdir = tmp.join(format!("Python-{CPYTHON_VERSION}"));
    step("configure (native)", || {
        let mut c = Command::new("./configure");
        c.args(NATIVE_CONFIGURE_ARGS).current_dir(&srcdir);
        for m in NATIVE_SKIPPED_MODULES {
            c.env(format!("py_cv_module_{m}"), "n/a");
        }
        run_logged(&mut c, &log)
    })?;
    step("make (native)", || {
        run_logged(
            Command::new("make")
                .args([&jobs(), "all"])
                .current_dir(&srcdir),
            &log,
        )
    })?;
    // The stdlib zip is deflated and precompiled with this interpreter: it needs zlib.
    let check = capture(
        Command::new(python(tmp)).args(["-c", "import sys, zlib; print(sys.version.split()[0])"]),
    );
    match check {
        Ok(v) if v == CPYTHON_VERSION => {}
        Ok(v) => bail!("native build python reports version {v}, expected {CPYTHON_VERSION}"),
        Err(e) => bail!("native build python cannot import zlib (install apt package zlib1g-dev and retry): {e}"),
    }
    entry.finish()?;
    Ok(python(&entry.dir))
}

pub fn wasi_env(cmd: &mut Command) -> &mut Command {
    let cc = format!("{WASI_CC} --target={WASI_TARGET}");
    cmd.env("CC", &cc)
        .env("CPP", format!("{cc} -E"))
        .env("AR", LLVM_AR)
        // configure's --with-lto takes only an absolute LLVM_AR, and otherwise
        // finds `llvm-ar` on PATH: Debian's default LLVM, too old for clang-19's bitcode.
        .env(
            "LLVM_AR",
            proc::which(LLVM_AR).unwrap_or_else(|| LLVM_AR.into()),
        )
        .env("RANLIB", LLVM_RANLIB)
        // Never let the host's pkg-config answer for the wasm build.
        .env("PKG_CONFIG_PATH", "")
        .env("PKG_CONFIG_LIBDIR", "/nonexistent-pybridge-pkgconfig")
        .env("PKG_CONFIG_SYSROOT_DIR", "/nonexistent-pybridge-pkgconfig")
}

/// CPython for wasm32-wasi, configured like CPython's `Tools/wasm/wasi.py` does
/// (out-of-tree under `cross-build/`, relative `configure` path).
fn wasm(
    cache: &Path,
    tarball: &Tarball,
    build_python: &Path,
    libs: &CLibs,
    toolchain: &str,
) -> Result<Cpython> {
    let libs_key = libs.key();
    let bp_key = build_python.to_string_lossy().into_owned();
    let key = paths::key(&[
        RECIPE_VERSION,
        "cpython-wasi",
        &tarball.sha256,
        toolchain,
        CONFIG_SITE_EXTRA,
        HOST_TRIPLE,
        &libs_key,
        &bp_key,
        &WASM_CONFIGURE_ARGS.join(" "),
        &WASM_PATCHES
            .iter()
            .map(|(name, text)| format!("{name}\n{text}"))
            .collect::<String>(),
    ]);
    let entry = CacheEntry::new(cache, "cpython-wasi", &key);
    let done = |dir: &Path| Cpython {
        build_python: build_python.to_path_buf(),
        lib_dir: dir.join("lib"),
        wasm_dir: dir.to_path_buf(),
        key: key.clone(),
    };
    if entry.is_done() {
        note(format!("cached: {}", entry.dir.display()));
        return Ok(done(&entry.dir));
    }
    let tmp = entry.start()?;
    let log = tmp.join("build.log");
    extract(&tarball.path, tmp, &[])?;
    let srcdir = tmp.join(format!("Python-{CPYTHON_VERSION}"));
    for (name, text) in WASM_PATCHES {
        step(&format!("patch CPython: {name}"), || {
            let file = tmp.join(name);
            fs::write(&file, text)?;
            run(Command::new("patch")
                .args(["-p1", "--forward", "--batch", "-i"])
                .arg(&file)
                .current_dir(&srcdir))
        })?;
    }
    let builddir = srcdir.join("cross-build").join(HOST_TRIPLE);
    fs::create_dir_all(&builddir)?;

    let site = tmp.join("config.site-wasm32-wasi");
    let upstream = fs::read_to_string(srcdir.join("Tools/wasm/config.site-wasm32-wasi"))?;
    fs::write(&site, format!("{upstream}{CONFIG_SITE_EXTRA}"))?;
    let build_triple = capture(Command::new("sh").arg(srcdir.join("config.guess")))?;

    step("configure (wasm32-wasi)", || {
        let mut c = Command::new("../../configure");
        wasi_env(&mut c)
            .env("CONFIG_SITE", &site)
            .envs(library_env(libs))
            .arg(format!("--host={HOST_TRIPLE}"))
            .arg(format!("--build={build_triple}"))
            .arg(format!("--with-build-python={}", build_python.display()))
            .args(WASM_CONFIGURE_ARGS)
            .current_dir(&builddir);
        run_logged(&mut c, &log)
    })?;
    step("make (wasm32-wasi)", || {
        run_logged(
            Command::new("make")
                .args([&jobs(), "all"])
                .current_dir(&builddir),
            &log,
        )
    })?;

    // Collect the outputs, then drop the build tree.
    let lib = tmp.join("lib");
    let found = [
        ("libpython3.13.a", builddir.join("libpython3.13.a")),
        (
            "libmpdec.a",
            builddir.join("Modules/_decimal/libmpdec/libmpdec.a"),
        ),
        (
            "libHacl_Hash_SHA2.a",
            builddir.join("Modules/_hacl/libHacl_Hash_SHA2.a"),
        ),
        ("libexpat.a", builddir.join("Modules/expat/libexpat.a")),
    ];
    for (name, path) in found.iter().chain(&libs.archives()) {
        proc::require_file(path, name)?;
        paths::copy(path, &lib.join(name))?;
    }
    paths::copy(&builddir.join("python.wasm"), &tmp.join("python.wasm"))?;
    let sysconfig = builddir.join(format!("build/lib.wasi-wasm32-3.13/{SYSCONFIGDATA}"));
    proc::require_file(&sysconfig, "the wasm build's sysconfig data")?;
    paths::copy(&sysconfig, &tmp.join(SYSCONFIGDATA))?;
    fs::remove_dir_all(&srcdir)?;
    entry.finish()?;
    Ok(done(&entry.dir))
}
