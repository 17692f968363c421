//! Link lines for joining CPython (wasm32-wasi) and wasi-libc into the
//! `wasm32-unknown-unknown` cdylib.
//!
//! `cargo xtask build` sets the variables below; pyo3-ffi's own build script links
//! `python3.13` (from `PYO3_CONFIG_FILE`). When the variables are absent (plain
//! `cargo check`, host builds, IDEs) this script emits nothing.
//!
//! - `BRIDGE_LINK_SEARCH`: library folders, `:`-separated.
//! - `BRIDGE_LINK_LIBS`: libraries, whitespace-separated, as `KIND=NAME` or `NAME`.
//! - `BRIDGE_LINK_ARGS`: extra linker arguments for the cdylib, whitespace-separated.

use std::env;

const VARS: [&str; 3] = ["BRIDGE_LINK_SEARCH", "BRIDGE_LINK_LIBS", "BRIDGE_LINK_ARGS"];

fn main() {
    for v in VARS {
        println!("cargo:rerun-if-env-changed={v}");
    }
    // Only the wasm module links C code; never touch host builds.
    let arch = env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    let os = env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if arch != "wasm32" || os != "unknown" {
        return;
    }
    if let Some(search) = env::var_os("BRIDGE_LINK_SEARCH") {
        for dir in env::split_paths(&search).filter(|d| !d.as_os_str().is_empty()) {
            println!("cargo:rustc-link-search=native={}", dir.display());
        }
    }
    if let Ok(libs) = env::var("BRIDGE_LINK_LIBS") {
        for lib in libs.split_whitespace() {
            println!("cargo:rustc-link-lib={lib}");
        }
    }
    if let Ok(args) = env::var("BRIDGE_LINK_ARGS") {
        for arg in args.split_whitespace() {
            println!("cargo:rustc-link-arg-cdylib={arg}");
        }
    }
}
