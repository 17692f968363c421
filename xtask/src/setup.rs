//! `cargo xtask setup`: installs or checks every tool the build needs. Idempotent:
//! each item is skipped when already present.

use std::fs;
use std::process::Command;

use crate::link::WASM_TARGET;
use crate::patches::locked_version;
use crate::paths;
use crate::proc::{self, capture, run, try_capture};
use crate::ui::{note, step, Result};
use crate::{bail, sources};

/// Debian packages: the wasm32-wasi C toolchain (clang-19, lld-19, compiler-rt,
/// wasi-libc), wabt (wasm-objdump, wasm-strip), Chromium for browser tests, and what
/// the native CPython build and the source download need (tcl: `tclsh` generates
/// SQLite's amalgamation).
pub const APT_PACKAGES: &[&str] = &[
    "clang-19",
    "lld-19",
    "llvm-19",
    "libclang-rt-19-dev-wasm32",
    "wasi-libc",
    "wabt",
    "chromium",
    "dpkg-dev",
    "xz-utils",
    "gcc",
    "libc6-dev",
    "make",
    "patch",
    "zlib1g-dev",
    "tcl",
];

pub fn run_all() -> Result<()> {
    step("apt packages", apt_packages)?;
    step("rustup target wasm32-unknown-unknown", || {
        rust_target(WASM_TARGET)
    })?;
    step(
        "rustup target wasm32-wasip1 (bridge-capi for the Lua module)",
        || rust_target(crate::lua::CAPI_TARGET),
    )?;
    step("rustup component clippy", clippy)?;
    step("wasm-bindgen-cli", wasm_bindgen_cli)?;
    step("node and npm packages", npm)?;
    Ok(())
}

fn installed(pkg: &str) -> bool {
    try_capture(Command::new("dpkg-query").args(["-W", "-f=${Status}", pkg]))
        .is_some_and(|s| s.ends_with(" installed"))
}

fn apt_packages() -> Result<()> {
    proc::require("dpkg-query", "dpkg (a Debian system is required)")?;
    let missing: Vec<&str> = APT_PACKAGES
        .iter()
        .copied()
        .filter(|p| !installed(p))
        .collect();
    if missing.is_empty() {
        note(format!("all present: {}", APT_PACKAGES.join(" ")));
        return Ok(());
    }
    note(format!("missing: {}", missing.join(" ")));
    if !proc::is_root() {
        bail!(
            "apt packages missing: {} — run `cargo xtask setup` as root, or `apt-get install {}`",
            missing.join(" "),
            missing.join(" ")
        );
    }
    sources::apt_update()?;
    run(Command::new("apt-get")
        .env("DEBIAN_FRONTEND", "noninteractive")
        .args(["install", "-y", "-q", "--no-install-recommends"])
        .args(&missing))?;
    let still: Vec<&str> = missing.into_iter().filter(|p| !installed(p)).collect();
    if !still.is_empty() {
        bail!("apt-get install did not install: {}", still.join(" "));
    }
    Ok(())
}

fn rust_target(target: &str) -> Result<()> {
    let have = capture(
        Command::new("rustup")
            .args(["target", "list", "--installed"])
            .current_dir(paths::repo()),
    )?;
    if have.lines().any(|l| l.trim() == target) {
        note(format!("{target} already installed"));
        return Ok(());
    }
    run(Command::new("rustup")
        .args(["target", "add", target])
        .current_dir(paths::repo()))
}

/// `cargo xtask test` runs clippy; a minimal rustup profile lacks it.
fn clippy() -> Result<()> {
    if try_capture(
        Command::new("cargo")
            .args(["clippy", "--version"])
            .current_dir(paths::repo()),
    )
    .is_some()
    {
        note("clippy already installed");
        return Ok(());
    }
    run(Command::new("rustup")
        .args(["component", "add", "clippy"])
        .current_dir(paths::repo()))
}

/// The wasm-bindgen CLI version must equal the `wasm-bindgen` crate's in Cargo.lock.
fn wanted_bindgen() -> Result<String> {
    locked_version("wasm-bindgen")
}

fn installed_bindgen() -> Option<String> {
    try_capture(Command::new("wasm-bindgen").arg("--version"))
        .and_then(|s| s.split_whitespace().nth(1).map(str::to_string))
}

fn wasm_bindgen_cli() -> Result<()> {
    let want = wanted_bindgen()?;
    if installed_bindgen().as_deref() == Some(want.as_str()) {
        note(format!("wasm-bindgen {want} already installed"));
        return Ok(());
    }
    let locked = proc::run_status(Command::new("cargo").args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        &want,
        "--locked",
    ]))?;
    if !locked {
        // The CLI's own lockfile can name a dependency version the reachable index
        // does not have (seen: webpki-roots 1.0.11); resolve afresh instead.
        note("`cargo install --locked` failed; retrying without --locked");
        run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &want]))?;
    }
    check_wasm_bindgen_cli()
}

/// Fails unless `wasm-bindgen --version` equals the locked crate version.
pub fn check_wasm_bindgen_cli() -> Result<()> {
    let want = wanted_bindgen()?;
    match installed_bindgen() {
        Some(v) if v == want => Ok(()),
        Some(v) => bail!(
            "wasm-bindgen on PATH ({}) is {v}, Cargo.lock wants {want}: run `cargo xtask setup`",
            proc::which("wasm-bindgen").unwrap_or_default().display()
        ),
        None => bail!(
            "wasm-bindgen not found on PATH ({}); run `cargo xtask setup`",
            std::env::var("PATH").unwrap_or_default()
        ),
    }
}

fn npm() -> Result<()> {
    proc::require("node", "Node.js 20 or newer (install it first)")?;
    let v = capture(Command::new("node").arg("--version"))?;
    let major: u32 = v
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    if major < 20 {
        bail!("node {v} is too old: Node.js 20 or newer is needed (playwright-core requires it)");
    }
    proc::require("npm", "npm (comes with Node.js)")?;
    let repo = paths::repo();
    let lock = repo.join("package-lock.json");
    proc::require_file(&lock, "npm lockfile")?;
    let stamp_file = repo.join("node_modules/.xtask-npm-ci");
    let stamp = proc::sha256_file(&lock)?;
    if fs::read_to_string(&stamp_file).ok().as_deref() == Some(stamp.as_str()) {
        note(format!("node {v}; node_modules matches package-lock.json"));
        return Ok(());
    }
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&repo))?;
    fs::write(&stamp_file, stamp)?;
    Ok(())
}
