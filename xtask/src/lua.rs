//! The Lua guest: Lua 5.4.7 (Debian's source archive) compiled for
//! wasm32-wasi with Debian clang-19, the `js` binding (bridge-lua/c), and
//! bridge-capi built for wasm32-wasip1, linked with wasi-libc into
//! `bridge-lua/package/dist/lua.wasm`.
//!
//! - `lua-wasi-<key>/`: `lib/liblua.a` and the Lua headers, keyed by the
//!   tarball's sha256, the compile flags, the two headers every file sees and
//!   the compiler's version (cached outside the clone);
//! - the binding and the link are redone on every build (a few seconds).
//!
//! Lua raises errors with setjmp/longjmp, which Debian's wasi-libc (2022)
//! lacks: clang's `-mllvm -wasm-enable-sjlj` lowers them to wasm exception
//! handling, served by bridge-lua/c/wasm_sjlj.c.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::cpython::{WASI_CC, WASI_SYSROOT_LIB, WASI_TARGET};
use crate::paths::{self, CacheEntry, RECIPE_VERSION};
use crate::proc::{self, capture, run};
use crate::sources::{self, LUA_VERSION};
use crate::ui::{note, step, Result};
use crate::{bail, err};

/// The Rust target bridge-capi is built for, to link with C for wasm32-wasi.
pub const CAPI_TARGET: &str = "wasm32-wasip1";
const LLVM_AR: &str = "llvm-ar-19";

/// Flags for every C file of the module (Lua's and the binding's).
const CFLAGS: &[&str] = &[
    "-O2",
    "-mllvm",
    "-wasm-enable-sjlj",
    "-mexception-handling",
    "-D_WASI_EMULATED_SIGNAL",
    "-D_WASI_EMULATED_PROCESS_CLOCKS",
    // Neither LUA_USE_POSIX nor LUA_USE_C89: plain ISO C (no popen, dlopen or
    // readline, which wasm32-wasi has not) with 64-bit integers (C89 mode
    // would make lua_Integer a 32-bit `long` on wasm32).
];

/// The core's functions the JS glue calls directly (besides the binding's own
/// exports, marked in the C source).
const CAPI_EXPORTS: &[&str] = &[
    "bridge_utf16_to_wtf8",
    "bridge_wtf8_to_utf16",
    "bridge_last_error_message",
    "bridge_last_error_status",
    "bridge_status_js_class",
    "bridge_value_layout",
    "bridge_abi_version",
];

fn c_dir() -> PathBuf {
    paths::repo().join("bridge-lua/c")
}

/// The `.c` files of `dir` (sorted), except `skip`.
fn c_sources(dir: &Path, skip: &[&str]) -> Result<Vec<String>> {
    let mut names: Vec<String> = fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".c") && !skip.contains(&n.as_str()))
        .collect();
    names.sort();
    Ok(names)
}

fn clang() -> Command {
    let mut c = Command::new(WASI_CC);
    c.arg(format!("--target={WASI_TARGET}"))
        .arg("--sysroot=/usr");
    c
}

/// The cached liblua.a; returns its folder (with `lib/` and `include/`).
fn liblua(cache: &Path) -> Result<PathBuf> {
    let tarball = sources::lua(cache)?;
    let inc = c_dir().join("include");
    let prefix_headers = [
        fs::read_to_string(inc.join("setjmp.h"))?,
        fs::read_to_string(inc.join("lua_wasi.h"))?,
    ];
    let cc_version = capture(Command::new(WASI_CC).arg("--version"))?;
    let mut parts = vec![RECIPE_VERSION, &tarball.sha256, &cc_version];
    parts.extend(CFLAGS);
    parts.extend(prefix_headers.iter().map(String::as_str));
    let entry = CacheEntry::new(cache, "lua-wasi", &paths::key(&parts));
    if entry.is_done() {
        note(format!("cached: {}", entry.dir.display()));
        return Ok(entry.dir.clone());
    }
    let tmp = entry.start()?.to_path_buf();
    run(Command::new("tar")
        .arg("xzf")
        .arg(&tarball.path)
        .arg("-C")
        .arg(&tmp))?;
    let src = tmp.join(format!("lua-{LUA_VERSION}/src"));
    proc::require_file(&src.join("lua.h"), "the Lua source tree")?;
    let obj = tmp.join("obj");
    fs::create_dir_all(&obj)?;
    let mut objects = Vec::new();
    for name in &c_sources(&src, &["lua.c", "luac.c"])? {
        let o = obj.join(name.replace(".c", ".o"));
        run(clang()
            .args(CFLAGS)
            .arg("-I")
            .arg(&inc)
            .arg("-include")
            .arg(inc.join("lua_wasi.h"))
            .arg("-c")
            .arg(src.join(name))
            .arg("-o")
            .arg(&o))?;
        objects.push(o);
    }
    fs::create_dir_all(tmp.join("lib"))?;
    run(Command::new(LLVM_AR)
        .arg("rcs")
        .arg(tmp.join("lib/liblua.a"))
        .args(&objects))?;
    fs::create_dir_all(tmp.join("include"))?;
    for h in ["lua.h", "luaconf.h", "lualib.h", "lauxlib.h"] {
        paths::copy(&src.join(h), &tmp.join("include").join(h))?;
    }
    fs::remove_dir_all(&obj)?;
    fs::remove_dir_all(tmp.join(format!("lua-{LUA_VERSION}")))?;
    entry.finish()?;
    Ok(entry.dir.clone())
}

/// bridge-capi as a static library for wasm32-wasip1.
fn capi_staticlib() -> Result<PathBuf> {
    let target_dir = paths::repo().join("target/wasi");
    run(Command::new("cargo")
        .current_dir(paths::repo())
        .args([
            "build",
            "-p",
            "bridge-capi",
            "--release",
            "--target",
            CAPI_TARGET,
            "--target-dir",
        ])
        .arg(&target_dir))?;
    let lib = target_dir.join(format!("{CAPI_TARGET}/release/libbridge_capi.a"));
    proc::require_file(&lib, "bridge-capi static library")?;
    Ok(lib)
}

/// Builds `bridge-lua/package/dist/lua.wasm`; returns its path.
pub fn build() -> Result<PathBuf> {
    let cache = paths::cache()?;
    let lua = step("Lua 5.4.7 for wasm32-wasi (cached)", || liblua(&cache))?;
    let capi = step(
        "bridge-capi for wasm32-wasip1 (cargo build --release)",
        capi_staticlib,
    )?;
    let out = paths::repo().join("bridge-lua/package/dist/lua.wasm");
    step(
        "link lua.wasm (Lua + js binding + bridge-capi + wasi-libc)",
        || link(&lua, &capi, &out),
    )?;
    Ok(out)
}

fn link(lua: &Path, capi: &Path, out: &Path) -> Result<()> {
    let dir = c_dir();
    let obj = paths::repo().join("target/lua-obj");
    fs::create_dir_all(&obj)?;
    if let Some(p) = out.parent() {
        fs::create_dir_all(p)?;
    }
    let mut objects = Vec::new();
    for name in &c_sources(&dir, &[])? {
        let o = obj.join(name.replace(".c", ".o"));
        run(clang()
            .args(CFLAGS)
            .args(["-Wall", "-Wextra", "-Werror", "-Wno-unused-parameter"])
            .arg("-I")
            .arg(dir.join("include"))
            .arg("-I")
            .arg(lua.join("include"))
            .arg("-I")
            .arg(paths::repo().join("bridge-capi/include"))
            .arg("-c")
            .arg(dir.join(name))
            .arg("-o")
            .arg(&o))?;
        objects.push(o);
    }
    let mut cmd = clang();
    cmd.arg("-mexec-model=reactor")
        .args(&objects)
        .arg(lua.join("lib/liblua.a"))
        .arg(capi)
        .arg(format!("-L{WASI_SYSROOT_LIB}"))
        .args([
            "-lwasi-emulated-signal",
            "-lwasi-emulated-process-clocks",
            "-Wl,-z,stack-size=1048576",
            "-Wl,--strip-debug",
        ]);
    for e in CAPI_EXPORTS {
        cmd.arg(format!("-Wl,--export={e}"));
    }
    cmd.arg("-o").arg(out);
    run(&mut cmd)?;
    let imports = crate::wasm_imports::read(out)?;
    let foreign: Vec<String> = imports
        .iter()
        .filter(|i| i.module != "wasi_snapshot_preview1" && i.module != "ljs")
        .map(|i| format!("{}.{}", i.module, i.name))
        .collect();
    if !foreign.is_empty() {
        bail!(
            "{} imports what neither WASI nor the JS glue provides (a missing C symbol?): {}",
            out.display(),
            foreign.join(", ")
        );
    }
    let size = fs::metadata(out)
        .map_err(|e| err!("{}: {e}", out.display()))?
        .len();
    note(format!(
        "{} ({} KiB, {} imports)",
        out.display(),
        size / 1024,
        imports.len()
    ));
    Ok(())
}

/// The C ABI's C unit test, natively: the host `cc` against the host
/// staticlib (`cargo build -p bridge-capi --release`).
pub fn capi_native_test() -> Result<()> {
    let repo = paths::repo();
    run(Command::new("cargo").current_dir(&repo).args([
        "build",
        "-p",
        "bridge-capi",
        "--release",
    ]))?;
    let lib = repo.join("target/release/libbridge_capi.a");
    proc::require_file(&lib, "bridge-capi host static library")?;
    let test_c = repo.join("bridge-capi/tests/c/capi_test.c");
    proc::require_file(&test_c, "the C ABI's C test")?;
    let cc = proc::require("cc", "apt package build-essential (the host C compiler)")?;
    let exe = repo.join("target/release/capi_test");
    run(Command::new(cc)
        .args(["-std=c11", "-O1", "-Wall", "-Wextra", "-Werror"])
        .arg("-I")
        .arg(repo.join("bridge-capi/include"))
        .arg(&test_c)
        .arg(&lib)
        .args(["-lpthread", "-ldl", "-lm", "-o"])
        .arg(&exe))?;
    run(Command::new(&exe).current_dir(&repo))
}

/// The same C test compiled for wasm32-wasi against the staticlib the Lua
/// module links, run in Node (`node:wasi`).
pub fn capi_wasi_test() -> Result<()> {
    let capi = capi_staticlib()?;
    let repo = paths::repo();
    let test_c = repo.join("bridge-capi/tests/c/capi_test.c");
    proc::require_file(&test_c, "the C ABI's C test")?;
    let out = repo.join("target/wasi/capi_test.wasm");
    run(clang()
        .args(["-O2", "-std=c11", "-Wall", "-Wextra", "-Werror"])
        .arg("-I")
        .arg(repo.join("bridge-capi/include"))
        .arg(&test_c)
        .arg(&capi)
        .arg("-o")
        .arg(&out))?;
    run(Command::new("node")
        .arg(repo.join("bridge-capi/tests/c/run-wasi.mjs"))
        .arg(&out)
        .current_dir(&repo))
}
