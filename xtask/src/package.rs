//! Fills `bridge-js/package/dist/` (gitignored): wasm-bindgen's `--target web`
//! output with a stripped module, the glue's WASI import pointed at the package's
//! forwarder, and the stdlib zip.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::bail;
use crate::link::{self, CRATE};
use crate::paths;
use crate::proc::{self, run};
use crate::setup;
use crate::stdlib::{EXTRA_ZIP_NAME, ZIP_NAME};
use crate::ui::{note, step, Context, Result};

/// The bare module the generated glue imports WASI from, and what it becomes.
const WASI_MODULE: &str = "wasi_snapshot_preview1";

pub fn dist_dir() -> PathBuf {
    paths::repo().join("bridge-js/package/dist")
}

pub fn build(wasm: &Path, stdlib_zip: &Path) -> Result<PathBuf> {
    let name = CRATE.replace('-', "_");
    let staging = paths::wasm_target_dir().join("dist-staging");
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    fs::create_dir_all(&staging)?;
    step("wasm-bindgen --target web", || {
        setup::check_wasm_bindgen_cli()?;
        run(Command::new("wasm-bindgen")
            .args(["--target", "web", "--out-name", &name, "--out-dir"])
            .arg(&staging)
            .arg(wasm))
    })?;
    let module = staging.join(format!("{name}_bg.wasm"));
    let glue = staging.join(format!("{name}.js"));
    step("wasm-strip", || {
        proc::require("wasm-strip", "apt package wabt")?;
        run(Command::new("wasm-strip").arg(&module))
    })?;
    step("check: shipped module imports nothing from `env`", || {
        link::check_imports(&module).map(|_| ())
    })?;
    step("glue: bind the WASI imports", || rewrite_wasi_import(&glue))?;
    paths::copy(stdlib_zip, &staging.join(ZIP_NAME))?;
    // The optional archive beside it (loadPython({ fullStdLib: true })).
    let extra = stdlib_zip.with_file_name(EXTRA_ZIP_NAME);
    proc::require_file(&extra, "the optional stdlib archive")?;
    paths::copy(&extra, &staging.join(EXTRA_ZIP_NAME))?;

    let dist = dist_dir();
    if dist.exists() {
        fs::remove_dir_all(&dist).context(|| format!("removing old {}", dist.display()))?;
    }
    fs::rename(&staging, &dist)
        .context(|| format!("moving {} to {}", staging.display(), dist.display()))?;
    report_sizes(
        &dist,
        &[
            format!("{name}_bg.wasm"),
            ZIP_NAME.to_string(),
            EXTRA_ZIP_NAME.to_string(),
            format!("{name}.js"),
        ],
    )?;
    Ok(dist)
}

/// How the glue gets its WASI functions. wasm-bindgen emits
/// `import * as importN from "wasi_snapshot_preview1"` (a bare specifier neither
/// Node nor a browser resolves). Each such import becomes
/// `const importN = __bridge_wasi;` and the glue exports
/// `__bridge_set_wasi(imports)`, which fills that object before instantiation:
/// each glue instance (`bridge_js.js?instance=N`, one per runtime) has its own
/// WASI, which one shared forwarder module could not give.
///
/// The import-object key (the wasm import module name) is left unchanged.
const INLINE_HEADER: &str = "// WASI imports (rewritten by cargo xtask): filled by __bridge_set_wasi before instantiation.\n\
const __bridge_wasi = {};\n\
export function __bridge_set_wasi(imports) { Object.assign(__bridge_wasi, imports); }\n";

fn rewrite_wasi_import(glue: &Path) -> Result<()> {
    let text = fs::read_to_string(glue).context(|| format!("reading {}", glue.display()))?;
    let (new, n) = rewrite_glue(&text);
    if n == 0 {
        if text.contains(WASI_MODULE) && !text.contains(&format!("\"{WASI_MODULE}\":")) {
            bail!("{} mentions {WASI_MODULE} but has no `import * as … from '{WASI_MODULE}'` to rewrite; the glue's shape changed", glue.display());
        }
        if text
            .lines()
            .any(|l| l.starts_with("import") && l.contains(WASI_MODULE))
        {
            bail!(
                "{}: could not rewrite its {WASI_MODULE} imports; the glue's shape changed",
                glue.display()
            );
        }
        note(format!(
            "{} does not import {WASI_MODULE}; nothing to rewrite",
            glue.display()
        ));
        return Ok(());
    }
    fs::write(glue, new)?;
    note(format!(
        "rewrote {n} import(s) of '{WASI_MODULE}' to the glue's own __bridge_set_wasi() binding"
    ));
    Ok(())
}

/// `import * as NAME from 'wasi_snapshot_preview1'` (either quote, optional `;`) → NAME.
fn wasi_namespace_import(line: &str) -> Option<&str> {
    let rest = line.trim().strip_prefix("import * as ")?;
    let (name, from) = rest.split_once(" from ")?;
    let spec = from.trim().trim_end_matches(';');
    let ok = spec == format!("'{WASI_MODULE}'") || spec == format!("\"{WASI_MODULE}\"");
    (ok && name
        .chars()
        .all(|c| c.is_alphanumeric() || c == '_' || c == '$'))
    .then_some(name)
}

fn rewrite_glue(text: &str) -> (String, usize) {
    let mut out = String::with_capacity(text.len() + 256);
    let mut n = 0;
    for line in text.split_inclusive('\n') {
        match wasi_namespace_import(line) {
            Some(name) => {
                n += 1;
                let eol = if line.ends_with('\n') { "\n" } else { "" };
                out.push_str(&format!("const {name} = __bridge_wasi;{eol}"));
            }
            None => out.push_str(line),
        }
    }
    if n > 0 {
        // After a leading `/* @ts-self-types=… */` line, if any.
        let at = if out.starts_with("/*") {
            out.find('\n').map_or(0, |i| i + 1)
        } else {
            0
        };
        out.insert_str(at, INLINE_HEADER);
    }
    (out, n)
}

fn gzip_size(path: &Path) -> Result<u64> {
    let out = Command::new("gzip")
        .args(["-9", "-c"])
        .arg(path)
        .output()
        .context(|| "running gzip".to_string())?;
    if !out.status.success() {
        bail!("gzip -9 -c {} failed", path.display());
    }
    Ok(out.stdout.len() as u64)
}

fn mb(n: u64) -> String {
    format!("{:.2} MB", n as f64 / 1_000_000.0)
}

fn report_sizes(dist: &Path, files: &[String]) -> Result<()> {
    println!("\n{}:", dist.display());
    for f in files {
        let p = dist.join(f);
        let raw = fs::metadata(&p)?.len();
        let gz = gzip_size(&p)?;
        println!(
            "  {f:<22} {:>10} raw  {:>10} gzipped ({raw} / {gz} bytes)",
            mb(raw),
            mb(gz)
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE: &str = "/* @ts-self-types=\"./bridge_js.d.ts\" */\nimport * as import1 from \"wasi_snapshot_preview1\"\nimport * as import2 from 'wasi_snapshot_preview1';\nconst imports = {\n        \"wasi_snapshot_preview1\": import1,\n        \"wasi_snapshot_preview1\": import2,\n};\n";

    #[test]
    fn inline_mode_binds_the_namespace_to_a_settable_object() {
        let (out, n) = rewrite_glue(GLUE);
        assert_eq!(n, 2);
        assert!(out.starts_with("/* @ts-self-types=\"./bridge_js.d.ts\" */\n// WASI imports"));
        assert!(out.contains("export function __bridge_set_wasi(imports)"));
        assert!(out.contains("const import1 = __bridge_wasi;\nconst import2 = __bridge_wasi;\n"));
        assert!(out.contains("\"wasi_snapshot_preview1\": import2,"));
        assert!(!out.contains("from "));
    }

    #[test]
    fn other_imports_are_left_alone() {
        let glue = "import * as x from './snippets/a.js';\nimport { y } from \"wasi_snapshot_preview1x\";\n";
        assert_eq!(rewrite_glue(glue), (glue.to_string(), 0));
    }
}
