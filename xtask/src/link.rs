//! Builds the Rust bridge for `wasm32-unknown-unknown` and links CPython and
//! wasi-libc into it; checks the module imports nothing from `env`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::bail;
use crate::cpython::{Cpython, WASI_SYSROOT_LIB};
use crate::patches;
use crate::paths;
use crate::proc::{self, run};
use crate::ui::{note, step, Result};
use crate::wasm_imports;

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const CRATE: &str = "bridge-js";

/// wasi-libc's libraries, linked after CPython's archives.
const WASI_LIBS: &[&str] = &[
    "wasi-emulated-signal",
    "wasi-emulated-getpid",
    "wasi-emulated-process-clocks",
    "m",
    "c",
];

/// `static=<lib>` for every archive beyond `python3.13` (which pyo3-ffi's
/// build script links): CPython's own and its C libraries (`LINK_ARCHIVES`),
/// then wasi-libc's.
fn link_libs() -> String {
    crate::cpython::LINK_ARCHIVES
        .iter()
        .filter(|l| **l != "python3.13")
        .chain(WASI_LIBS)
        .map(|l| format!("static={l}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn link_args() -> String {
    [
        format!("{WASI_SYSROOT_LIB}/crt1-reactor.o"),
        "--export=_initialize".into(),
        "-zstack-size=8388608".into(),
        "--stack-first".into(),
    ]
    .join(" ")
}

/// The `PYO3_CONFIG_FILE` for the static wasm32 CPython.
fn pyo3_config(lib_dir: &Path) -> String {
    format!(
        "implementation=CPython\nversion=3.13\nshared=false\nabi3=false\nlib_name=python3.13\nlib_dir={}\npointer_width=32\nsuppress_build_script_link_lines=false\n",
        lib_dir.display()
    )
}

/// Builds `bridge-js` for wasm32-unknown-unknown (release) and returns the .wasm path.
pub fn build(py: &Cpython) -> Result<PathBuf> {
    let target_dir = paths::wasm_target_dir();
    fs::create_dir_all(&target_dir)?;
    let source_args = step(
        "registry crates for the wasm build (patched)",
        patches::prepare,
    )?;
    let config_file = target_dir.join("pyo3-config.txt");
    // Rewrite only on change: pyo3's build script reruns when the file's mtime moves.
    let config = pyo3_config(&py.lib_dir);
    if fs::read_to_string(&config_file).ok().as_deref() != Some(config.as_str()) {
        fs::write(&config_file, config)?;
    }
    for lib in crate::cpython::LINK_ARCHIVES {
        proc::require_file(
            &py.lib_dir.join(format!("lib{lib}.a")),
            "CPython link archive",
        )?;
    }
    proc::require_file(
        &Path::new(WASI_SYSROOT_LIB).join("crt1-reactor.o"),
        "wasi-libc reactor start file (apt package wasi-libc)",
    )?;

    let search = std::env::join_paths([py.lib_dir.as_path(), Path::new(WASI_SYSROOT_LIB)])
        .map_err(|e| crate::err!("library path contains ':': {e}"))?;
    let mut cmd = Command::new("cargo");
    cmd.current_dir(paths::repo())
        .args([
            "build",
            "-p",
            CRATE,
            "--release",
            "--target",
            WASM_TARGET,
            "--target-dir",
        ])
        .arg(&target_dir)
        .args(&source_args)
        .env("PYO3_CONFIG_FILE", &config_file)
        .env("BRIDGE_LINK_SEARCH", &search)
        .env("BRIDGE_LINK_LIBS", link_libs())
        .env("BRIDGE_LINK_ARGS", link_args());
    let lock = fs::read(paths::repo().join("Cargo.lock"))?;
    step("cargo build (wasm32-unknown-unknown)", || run(&mut cmd))?;
    if fs::read(paths::repo().join("Cargo.lock"))? != lock {
        note(
            "WARNING: Cargo.lock changed during the wasm build (a concurrent edit of a manifest?)",
        );
    }
    let wasm = target_dir
        .join(WASM_TARGET)
        .join("release")
        .join(format!("{}.wasm", CRATE.replace('-', "_")));
    proc::require_file(&wasm, "linked module")?;
    step("check: no imports from `env`", || {
        check_imports(&wasm).map(|_| ())
    })?;
    Ok(wasm)
}

/// Reads a module's imports (the equivalent of `wasm-objdump -x -j Import`), fails
/// if any come from `env` (unresolved C symbols that rustc's `--allow-undefined`
/// let through), and returns the count per import module.
pub fn check_imports(wasm: &Path) -> Result<BTreeMap<String, usize>> {
    let imports = wasm_imports::read(wasm)?;
    let mut per_module: BTreeMap<String, usize> = BTreeMap::new();
    for i in &imports {
        *per_module.entry(i.module.clone()).or_default() += 1;
    }
    let summary: Vec<String> = per_module
        .iter()
        .map(|(m, n)| format!("{m}: {n}"))
        .collect();
    note(format!(
        "{}: {} imports ({})",
        wasm.display(),
        imports.len(),
        summary.join(", ")
    ));
    let env: Vec<&str> = imports
        .iter()
        .filter(|i| i.module == "env")
        .map(|i| i.name.as_str())
        .collect();
    if !env.is_empty() {
        bail!(
            "{} imports {} symbol(s) from `env` (unresolved at link time; a library or link argument is missing): {}",
            wasm.display(),
            env.len(),
            env.join(", ")
        );
    }
    Ok(per_module)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_imports_fail_the_check_and_are_named() {
        // (module (import "env" "PyMissing_Thing" (func)) (import "wasi_snapshot_preview1" "fd_write" (func)))
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        m.extend([0x01, 0x04, 0x01, 0x60, 0x00, 0x00]);
        let mut imp = vec![2u8];
        for (module, name) in [
            ("env", "PyMissing_Thing"),
            ("wasi_snapshot_preview1", "fd_write"),
        ] {
            imp.push(module.len() as u8);
            imp.extend(module.as_bytes());
            imp.push(name.len() as u8);
            imp.extend(name.as_bytes());
            imp.extend([0x00, 0x00]);
        }
        m.push(0x02);
        m.push(imp.len() as u8);
        m.extend(imp);
        let path =
            std::env::temp_dir().join(format!("xtask-env-check-{}.wasm", std::process::id()));
        fs::write(&path, &m).unwrap();
        let err = check_imports(&path).unwrap_err().to_string();
        fs::remove_file(&path).unwrap();
        assert!(err.contains("PyMissing_Thing"), "{err}");
        assert!(err.contains("1 symbol(s) from `env`"), "{err}");
    }
}
