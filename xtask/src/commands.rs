//! The `cargo xtask` commands.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use crate::paths;
use crate::proc::{self, run, try_capture};
use crate::ui::{note, step, Context, Result};
use crate::{bail, cpython, link, package, setup, sources, stdlib};

pub fn setup() -> Result<()> {
    step("setup", setup::run_all)
}

/// CPython's `test` package, extracted from the source tarball into the cache.
fn cpython_test_package() -> Result<PathBuf> {
    let cache = paths::cache()?;
    let src = sources::fetch(&cache)?;
    crate::cpython_tests::test_package(&cache, &src.cpython)
}

/// `cargo xtask cpython-tests [ARGS]`: CPython's test suite in the runtime,
/// every file (2 at a time) unless ARGS name files or a subset.
pub fn cpython_tests(args: &[String]) -> Result<()> {
    build()?;
    let lib = step("CPython's test package", cpython_test_package)?;
    let mut args = args.to_vec();
    let names_given = args
        .iter()
        .any(|a| a.starts_with("test_") || a == "--subset");
    if !names_given {
        args.push("--all".into());
    }
    if !args.iter().any(|a| a == "--jobs") {
        args.extend(["--jobs".into(), "2".into()]);
    }
    step(
        &format!("CPython test suite (node {})", crate::cpython_tests::RUNNER),
        || crate::cpython_tests::run_suite(&lib, &args),
    )
}

/// Sources and the cached CPython build; returns it with the stdlib zip.
fn cpython_and_stdlib() -> Result<(cpython::Cpython, PathBuf)> {
    let cache = paths::cache()?;
    note(format!("cache: {}", cache.display()));
    let src = step("sources", || sources::fetch(&cache))?;
    let py = step("CPython (wasm32-wasi)", || cpython::build(&cache, &src))?;
    let zip = step("stdlib zip", || stdlib::build(&cache, &src.cpython, &py))?;
    Ok((py, zip))
}

pub fn cpython() -> Result<()> {
    let (py, zip) = cpython_and_stdlib()?;
    println!(
        "libraries: {}\nstdlib zip: {}",
        py.lib_dir.display(),
        zip.display()
    );
    Ok(())
}

/// Everything up to a filled `bridge-js/package/dist/`.
pub fn build() -> Result<PathBuf> {
    setup()?;
    let (py, zip) = cpython_and_stdlib()?;
    let wasm = step("link the bridge (Rust + CPython + wasi-libc)", || {
        link::build(&py)
    })?;
    let dist = step("package bridge-js/package/dist", || {
        package::build(&wasm, &zip)
    })?;
    step(
        "the Lua module (bridge-lua/package/dist/lua.wasm)",
        crate::lua::build,
    )?;
    step(
        "test wheels from PyPI (target/test-wheels)",
        crate::wheels::fetch,
    )?;
    Ok(dist)
}

fn node_script(rel: &str) -> Result<()> {
    node_with(&[], rel, &[])
}

/// `node FLAGS… SCRIPT ARGS…` from the repo's root.
fn node_with(flags: &[&str], rel: &str, args: &[&str]) -> Result<()> {
    let path = paths::repo().join(rel);
    proc::require_file(&path, rel)?;
    run(Command::new("node")
        .args(flags)
        .arg(&path)
        .args(args)
        .current_dir(paths::repo()))
}

/// The soak test's short version (`cargo xtask test`) and full one (`cargo xtask soak`).
const SOAK: &str = "bridge-js/tests/soak.mjs";
const SOAK_SHORT_ARGS: &[&str] = &["--ops", "20000", "--lifecycles", "5000"];

/// The round-trip fuzzer (conformance/fuzz/): a short seeded run in `test`,
/// long runs in `soak`.
const FUZZ: &str = "conformance/fuzz/roundtrip.mjs";
const FUZZ_SHORT_ARGS: &[&str] = &["--seed", "1", "--iterations", "300", "--strict"];

/// `cargo xtask soak`: every crossing kind 10^6 times and 10^5 proxy
/// lifecycles through the FinalizationRegistry, with handle and memory
/// checks; then long round-trip fuzzing (four seeds of 5000 inputs, a deeper
/// run, and Chromium).
pub fn soak() -> Result<()> {
    build()?;
    step(&format!("soak (node --expose-gc {SOAK})"), || {
        node_with(&["--expose-gc"], SOAK, &[])
    })?;
    for seed in ["1", "2", "3", "4"] {
        step(
            &format!("round-trip fuzz, seed {seed}, 5000 inputs"),
            || {
                node_with(
                    &["--expose-gc"],
                    FUZZ,
                    &["--seed", seed, "--iterations", "5000", "--strict"],
                )
            },
        )?;
    }
    step("round-trip fuzz, deeper graphs (--max-depth 8)", || {
        node_with(
            &["--expose-gc"],
            FUZZ,
            &[
                "--seed",
                "5",
                "--iterations",
                "1000",
                "--max-depth",
                "8",
                "--strict",
            ],
        )
    })?;
    step("round-trip fuzz in Chromium", || {
        node_with(
            &[],
            FUZZ,
            &[
                "--seed",
                "6",
                "--iterations",
                "1000",
                "--host",
                "chromium",
                "--strict",
            ],
        )
    })
}

pub fn demo() -> Result<()> {
    build()?;
    step("demo (node bridge-js/demo/demo.mjs)", || {
        node_script("bridge-js/demo/demo.mjs")
    })?;
    let console = [
        "bridge-js/console/index.html",
        "bridge-js/console/dist/index.html",
    ]
    .into_iter()
    .find(|p| paths::repo().join(p).is_file());
    println!("\nThe browser console page:");
    println!(
        "  cargo xtask serve --port 8000        (node conformance/serve.mjs, binds 127.0.0.1 only)"
    );
    match console {
        Some(p) => println!("  then open http://127.0.0.1:8000/{p}"),
        None => println!("  then open the console page under http://127.0.0.1:8000/bridge-js/console/ (not found yet in this checkout)"),
    }
    println!("  and the notebook at http://127.0.0.1:8000/{NOTEBOOK_PAGE}");
    Ok(())
}

/// The notebook page, under the served repo root.
const NOTEBOOK_PAGE: &str = "bridge-js/notebook/";

/// Serves the repo root; serve.mjs prints the base URL and, under it, the
/// console page's and the notebook's.
pub fn serve(args: &[String]) -> Result<()> {
    let script = paths::repo().join("conformance/serve.mjs");
    proc::require_file(&script, "the static server")?;
    if !package::dist_dir().join(stdlib::ZIP_NAME).is_file() {
        note("bridge-js/package/dist is not built yet: run `cargo xtask build` first for a working console page and notebook");
    }
    run(Command::new("node")
        .arg(&script)
        .args(args)
        .current_dir(paths::repo()))
}

/// Runs every test step even after a failure; fails at the end if any failed.
pub fn test() -> Result<()> {
    build()?;
    let mut results: Vec<(&str, Result<()>)> = Vec::new();
    let repo = paths::repo();
    results.push((
        "cargo test (host workspace)",
        step("cargo test (host workspace default members)", || {
            run(Command::new("cargo").arg("test").current_dir(&repo))
        }),
    ));
    results.push((
        "clippy (workspace, all targets, warnings denied)",
        step(
            "cargo clippy --workspace --all-targets -- -D warnings",
            || {
                run(Command::new("cargo")
                    .args([
                        "clippy",
                        "--workspace",
                        "--all-targets",
                        "--",
                        "-D",
                        "warnings",
                    ])
                    .current_dir(&repo))
            },
        ),
    ));
    results.push((
        "cargo test -p bridge-py (native, mock JS host)",
        step(
            "cargo test -p bridge-py (native CPython, mock JS host)",
            bridge_py_native_tests,
        ),
    ));
    results.push(("fuzz (short runs)", step("fuzz (short runs)", fuzz)));
    results.push((
        "C ABI C test, native (cc)",
        step(
            "C ABI C test, native (bridge-capi/tests/c/capi_test.c)",
            crate::lua::capi_native_test,
        ),
    ));
    results.push((
        "C ABI C test for wasm32-wasi (node:wasi)",
        step(
            "C ABI C test for wasm32-wasi (bridge-capi/tests/c/capi_test.c)",
            crate::lua::capi_wasi_test,
        ),
    ));
    results.push((
        "bridge-core long tests (release, --ignored)",
        step("cargo test --release -p bridge-core -- --ignored", || {
            run(Command::new("cargo")
                .args(["test", "--release", "-p", "bridge-core", "--", "--ignored"])
                .current_dir(&repo))
        }),
    ));
    results.push((
        "criterion benches, once each (--test)",
        step("cargo bench -p benches -- --test", || {
            run(Command::new("cargo")
                .args(["bench", "-p", "benches", "--", "--test"])
                .current_dir(&repo))
        }),
    ));
    results.push((
        "conformance (Node + Chromium)",
        step(
            "conformance, twice on one runtime (node conformance/run.mjs --repeat 2)",
            || {
                let path = paths::repo().join("conformance/run.mjs");
                proc::require_file(&path, "conformance/run.mjs")?;
                run(Command::new("node")
                    .arg(&path)
                    .args(["--repeat", "2"])
                    .current_dir(paths::repo()))
            },
        ),
    ));
    results.push((
        "CPython test suite, CI subset",
        step(
            &format!(
                "CPython's own tests, the subset in {} (node {})",
                crate::cpython_tests::SUBSET,
                crate::cpython_tests::RUNNER
            ),
            || {
                let lib = cpython_test_package()?;
                crate::cpython_tests::run_suite(
                    &lib,
                    &["--subset".into(), crate::cpython_tests::SUBSET.into()],
                )
            },
        ),
    ));
    results.push((
        "round-trip fuzz (short)",
        step(
            &format!("round-trip fuzz, short (node --expose-gc {FUZZ})"),
            || node_with(&["--expose-gc"], FUZZ, FUZZ_SHORT_ARGS),
        ),
    ));
    results.push((
        "soak (short)",
        step(&format!("soak, short (node --expose-gc {SOAK})"), || {
            node_with(&["--expose-gc"], SOAK, SOAK_SHORT_ARGS)
        }),
    ));
    for (name, script) in [
        ("transition counts", "bridge-js/tests/transitions.mjs"),
        (
            "notebook unit tests (markdown, %% text, JS cells)",
            "bridge-js/tests/notebook_unit.mjs",
        ),
        (
            "load progress (onProgress)",
            "bridge-js/tests/load_progress.mjs",
        ),
        ("browser title test", "bridge-js/tests/browser_title.mjs"),
        (
            "browser console page test",
            "bridge-js/tests/console_page.mjs",
        ),
        (
            "browser notebook page test",
            "bridge-js/tests/notebook_page.mjs",
        ),
    ] {
        results.push((
            name,
            step(&format!("{name} (node {script})"), || node_script(script)),
        ));
    }
    let failed: Vec<String> = results
        .iter()
        .filter_map(|(name, r)| r.as_ref().err().map(|e| format!("{name}: {e}")))
        .collect();
    println!(
        "\nxtask test summary: {} test steps, {} passed, {} failed",
        results.len(),
        results.len() - failed.len(),
        failed.len()
    );
    for f in &failed {
        println!("  FAILED {f}");
    }
    if !failed.is_empty() {
        bail!("{} test step(s) failed", failed.len());
    }
    Ok(())
}

/// bridge-py's own tests run natively against a mock JS host, on the build
/// machine's CPython (pyo3 finds `python3`); its shared library must be on the
/// loader path when Python was built with `--enable-shared`.
fn bridge_py_native_tests() -> Result<()> {
    let repo = paths::repo();
    let libdir = Command::new("python3")
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_config_var('LIBDIR') or '')",
        ])
        .output()
        .context(|| {
            "running python3 to find its LIBDIR (bridge-py's native tests need a host CPython)"
                .to_string()
        })?;
    if !libdir.status.success() {
        bail!("python3 -c 'import sysconfig' failed: bridge-py's native tests need a host CPython 3.8+");
    }
    let libdir = String::from_utf8_lossy(&libdir.stdout).trim().to_string();
    let mut path = std::env::split_paths(&std::env::var_os("LD_LIBRARY_PATH").unwrap_or_default())
        .collect::<Vec<_>>();
    if !libdir.is_empty() {
        path.insert(0, libdir.into());
    }
    run(Command::new("cargo")
        .args(["test", "-p", "bridge-py"])
        .env(
            "LD_LIBRARY_PATH",
            std::env::join_paths(path)
                .map_err(|e| crate::ui::Error(format!("LD_LIBRARY_PATH: {e}")))?,
        )
        .current_dir(&repo))
}

/// `[[bin]]` target names of a fuzz crate's Cargo.toml.
fn fuzz_targets(manifest: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_bin = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_bin = line == "[[bin]]";
            continue;
        }
        if in_bin {
            if let Some(v) = line
                .strip_prefix("name")
                .map(str::trim_start)
                .and_then(|r| r.strip_prefix('='))
            {
                out.push(v.trim().trim_matches('"').to_string());
            }
        }
    }
    out
}

/// The cargo-fuzz crates: the core's own and the C ABI's entry points.
const FUZZ_CRATES: &[&str] = &["bridge-core", "bridge-capi"];

fn fuzz() -> Result<()> {
    if try_capture(Command::new("cargo").args(["fuzz", "--version"])).is_none() {
        run(Command::new("cargo").args(["install", "cargo-fuzz", "--locked"]))?;
    }
    let nightly = try_capture(Command::new("rustup").args(["toolchain", "list"]))
        .is_some_and(|l| l.lines().any(|t| t.starts_with("nightly")));
    let secs = std::env::var("BRIDGE_FUZZ_SECONDS")
        .ok()
        .filter(|s| s.parse::<u32>().is_ok())
        .unwrap_or_else(|| "15".into());
    for krate in FUZZ_CRATES {
        let dir = paths::repo().join(krate);
        let manifest = dir.join("fuzz/Cargo.toml");
        proc::require_file(&manifest, "a fuzz crate (cargo-fuzz)")?;
        let targets = fuzz_targets(&fs::read_to_string(&manifest)?);
        if targets.is_empty() {
            bail!("{} has no [[bin]] targets", manifest.display());
        }
        for t in &targets {
            step(&format!("fuzz {krate} {t} ({secs} s)"), || {
                let mut c = Command::new("cargo");
                if nightly {
                    c.arg("+nightly");
                } else {
                    note("no nightly toolchain: using stable with RUSTC_BOOTSTRAP=1");
                    c.env("RUSTC_BOOTSTRAP", "1");
                }
                c.args(["fuzz", "run", t, "--", &format!("-max_total_time={secs}")])
                    .current_dir(&dir);
                run(&mut c)
            })?;
        }
    }
    Ok(())
}

pub fn bench() -> Result<()> {
    build()?;
    let repo = paths::repo();
    step("criterion benches (cargo bench -p benches)", || {
        run(Command::new("cargo")
            .args(["bench", "-p", "benches"])
            .current_dir(&repo))
    })?;
    step("end-to-end bench (node benches/e2e/bench.mjs)", || {
        node_script("benches/e2e/bench.mjs")
    })?;
    step("pure-Python speed (node benches/e2e/pyperf.mjs)", || {
        node_script("benches/e2e/pyperf.mjs")
    })?;
    step("Lua guest crossings (node benches/e2e/lua.mjs)", || {
        node_script("benches/e2e/lua.mjs")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_bin_names_only() {
        let m = "[package]\nname = \"bridge-core-fuzz\"\n\n[[bin]]\nname = \"handles\"\npath = \"x.rs\"\n\n[[bin]]\nname=\"codec\"\n\n[dependencies]\nname = \"no\"\n";
        assert_eq!(
            fuzz_targets(m),
            vec!["handles".to_string(), "codec".to_string()]
        );
    }
}
