//! The standard library zip the wasm interpreter imports from
//! (`/usr/local/lib/python313.zip` in the guest, on the default `sys.path`).
//!
//! Cached as `stdlib-<key>/python313.zip`. `BRIDGE_STDLIB=hybrid|pyc|py|both`
//! picks what goes in: `hybrid` (default) has precompiled unchecked-hash
//! `.pyc` for the modules the runtime imports while it starts
//! (`stdlib/startup_modules.txt`, checked by the conformance case
//! `stdlib_startup_modules_are_precompiled`) and sources for the rest, which
//! compile when first imported: start-up as fast as all-`.pyc`, the zip 40%
//! smaller, and stdlib source lines in tracebacks. `pyc`: precompiled only;
//! `py`: sources only; `both`: both.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::bail;
use crate::cpython::{Cpython, SYSCONFIGDATA};
use crate::paths::{self, CacheEntry, RECIPE_VERSION};
use crate::proc::{self, capture, run};
use crate::sources::{Tarball, CPYTHON_VERSION};
use crate::ui::{note, Result};

pub const ZIP_NAME: &str = "python313.zip";
/// The optional archive (`loadPython({ fullStdLib: true })`): the modules
/// make_zip.py's EXTRA_TOP moves out of the main zip, and the IANA time zone
/// database for `zoneinfo` (PyPI's `tzdata`, pinned below).
pub const EXTRA_ZIP_NAME: &str = "python313-extra.zip";
const TZDATA_WHEEL: (&str, &str) = (
    "tzdata-2026.6-py2.py3-none-any.whl",
    "0a10eec6e13ef16b627fabed9a5f2ba61a62b1c67f327305f4e7e412a70b4aec",
);
/// Where the JS loader puts the zip in the guest file system (co_filename prefix).
pub const GUEST_ZIP: &str = "/usr/local/lib/python313.zip";
const SCRIPT: &str = include_str!("stdlib/make_zip.py");
/// Modules imported while the runtime starts: precompiled in `hybrid` mode.
const STARTUP_MODULES: &str = include_str!("stdlib/startup_modules.txt");

fn startup_modules() -> String {
    STARTUP_MODULES
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(",")
}

pub fn mode() -> Result<String> {
    let m = std::env::var("BRIDGE_STDLIB")
        .ok()
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| "hybrid".into());
    if !["hybrid", "pyc", "py", "both"].contains(&m.as_str()) {
        bail!("BRIDGE_STDLIB={m} is not one of hybrid, pyc, py, both");
    }
    Ok(m)
}

pub fn build(cache: &Path, tarball: &Tarball, py: &Cpython) -> Result<PathBuf> {
    let mode = mode()?;
    let stubs = stubs_dir();
    let stub_files = tree_digest(&stubs)?;
    let key = paths::key(&[
        RECIPE_VERSION,
        "stdlib",
        TZDATA_WHEEL.1,
        &py.key,
        &mode,
        SCRIPT,
        STARTUP_MODULES,
        GUEST_ZIP,
        &stub_files,
    ]);
    let entry = CacheEntry::new(cache, "stdlib", &key);
    if entry.is_done() {
        note(format!(
            "cached: {} (BRIDGE_STDLIB={mode})",
            entry.dir.join(ZIP_NAME).display()
        ));
        return Ok(entry.dir.join(ZIP_NAME));
    }
    let tmp = entry.start()?;
    let lib_member = format!("Python-{CPYTHON_VERSION}/Lib");
    run(Command::new("tar")
        .arg("-xf")
        .arg(&tarball.path)
        .arg("-C")
        .arg(tmp)
        .arg(&lib_member))?;
    let script = tmp.join("make_zip.py");
    std::fs::write(&script, SCRIPT)?;
    let wheels = crate::wheels::download("tzdata-wheel", &[TZDATA_WHEEL])?;
    let tzdata = tmp.join("tzdata-wheel");
    run(Command::new(&py.build_python)
        .args(["-m", "zipfile", "-e"])
        .arg(wheels.join(TZDATA_WHEEL.0))
        .arg(&tzdata))?;
    let sysconfig = py.wasm_dir.join(SYSCONFIGDATA);
    proc::require_file(&sysconfig, "sysconfig data of the wasm build")?;
    let out = capture(
        Command::new(&py.build_python)
            .arg(&script)
            .arg(tmp.join(&lib_member))
            .arg(&sysconfig)
            .arg(tmp.join(ZIP_NAME))
            .arg(&mode)
            .arg(GUEST_ZIP)
            .arg(&stubs)
            .env("BRIDGE_STARTUP_MODULES", startup_modules())
            .env("BRIDGE_EXTRA_OUT", tmp.join(EXTRA_ZIP_NAME))
            .env("BRIDGE_EXTRA_DIRS", &tzdata),
    )?;
    std::fs::remove_dir_all(&tzdata)?;
    note(format!("{ZIP_NAME} (BRIDGE_STDLIB={mode}): {out}"));
    std::fs::remove_dir_all(tmp.join(format!("Python-{CPYTHON_VERSION}")))?;
    std::fs::remove_file(&script)?;
    entry.finish()?;
    Ok(entry.dir.join(ZIP_NAME))
}

/// The PEP 561 stub packages shipped in the zip (`js-stubs`, `pyodide-stubs`…).
fn stubs_dir() -> PathBuf {
    paths::repo().join("bridge-py/stubs")
}

/// Every file under `dir` with its contents, in a stable order: part of the
/// zip's cache key, so editing a stub rebuilds the zip.
fn tree_digest(dir: &Path) -> Result<String> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<(String, Vec<u8>)>) -> Result<()> {
        let mut entries: Vec<_> = std::fs::read_dir(dir)?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, base, out)?;
            } else {
                let rel = p
                    .strip_prefix(base)
                    .unwrap_or(&p)
                    .to_string_lossy()
                    .into_owned();
                out.push((rel, std::fs::read(&p)?));
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    walk(dir, dir, &mut files)?;
    let mut digest = String::new();
    for (rel, data) in files {
        digest.push_str(&rel);
        digest.push('\n');
        digest.push_str(&String::from_utf8_lossy(&data));
        digest.push('\0');
    }
    Ok(digest)
}
