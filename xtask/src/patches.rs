//! Small patch files (`patches/<crate>-<version>.patch`) applied at build time to
//! exact-pinned registry sources, for the wasm build only.
//!
//! The wasm build reads registry crates from a directory source,
//! `target/wasm-vendor/<crate>-<version>/`, made from the pristine sources
//! `cargo fetch` unpacked under `$CARGO_HOME/registry/src/` (hard-linked when
//! possible). The crates named by a patch file are real copies with the patch
//! applied (`patch -p1`). It is wired in with
//! `cargo --config source.crates-io.replace-with=…`; each directory carries the
//! checksum Cargo.lock records, so the tracked lockfile is never rewritten (a
//! `[patch]` section would rewrite it).

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use crate::paths;
use crate::proc::{self, capture, run};
use crate::ui::{note, Context, Result};
use crate::{bail, err};

/// One field of each `[[package]]` in a Cargo.lock, as `(name, version, field)`
/// (`""` where the package has no such field).
fn lock_fields(lock: &str, extra: &str) -> Vec<(String, String, String)> {
    lock.split("[[package]]")
        .skip(1)
        .map(|block| {
            let field = |k: &str| {
                block
                    .lines()
                    .find_map(|l| {
                        l.strip_prefix(&format!("{k} = \""))
                            .and_then(|r| r.strip_suffix('"'))
                    })
                    .unwrap_or("")
                    .to_string()
            };
            (field("name"), field("version"), field(extra))
        })
        .collect()
}

/// `(name, version, source)` of each `[[package]]` in a Cargo.lock.
pub fn lock_packages(lock: &str) -> Vec<(String, String, String)> {
    lock_fields(lock, "source")
}

/// The single locked version of a registry crate.
pub fn locked_version(crate_name: &str) -> Result<String> {
    let lock_path = paths::repo().join("Cargo.lock");
    let lock =
        fs::read_to_string(&lock_path).context(|| format!("reading {}", lock_path.display()))?;
    let versions: Vec<String> = lock_packages(&lock)
        .into_iter()
        .filter(|(n, _, s)| n == crate_name && s.starts_with("registry+"))
        .map(|(_, v, _)| v)
        .collect();
    match versions.as_slice() {
        [v] => Ok(v.clone()),
        [] => bail!(
            "{crate_name} is not in {} (looked for a registry [[package]] named {crate_name})",
            lock_path.display()
        ),
        _ => bail!(
            "{} locks several versions of {crate_name}: {versions:?}",
            lock_path.display()
        ),
    }
}

fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo")
        })
}

/// Finds `<crate>-<version>` under `$CARGO_HOME/registry/src/*/`.
fn registry_source(dir_name: &str) -> Result<PathBuf> {
    let src = cargo_home().join("registry/src");
    if let Ok(entries) = fs::read_dir(&src) {
        for e in entries.flatten() {
            let p = e.path().join(dir_name);
            if p.join("Cargo.toml").is_file() {
                return Ok(p);
            }
        }
    }
    bail!(
        "registry source {dir_name} not found under {}/*/ (after `cargo fetch`)",
        src.display()
    )
}

/// Lists `patches/*.patch` as `(crate, version, file)`.
fn patch_files() -> Result<Vec<(String, String, PathBuf)>> {
    let dir = paths::repo().join("patches");
    let mut out = Vec::new();
    for e in fs::read_dir(&dir).context(|| format!("reading {}", dir.display()))? {
        let path = e?.path();
        let Some(stem) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".patch"))
        else {
            continue;
        };
        let (name, version) = stem
            .rsplit_once('-')
            .filter(|(_, v)| v.chars().next().is_some_and(|c| c.is_ascii_digit()))
            .ok_or_else(|| {
                err!(
                    "patch file {} is not named <crate>-<version>.patch",
                    path.display()
                )
            })?;
        out.push((name.to_string(), version.to_string(), path));
    }
    out.sort();
    Ok(out)
}

/// The directory source for the wasm build, named in the `--config` arguments.
const SOURCE_NAME: &str = "xtask-wasm-vendor";

fn vendor_dir() -> PathBuf {
    paths::repo().join("target/wasm-vendor")
}

/// `(name, version, checksum)` of every registry package in Cargo.lock.
fn registry_packages(lock: &str) -> Vec<(String, String, String)> {
    let sources = lock_packages(lock);
    lock_fields(lock, "checksum")
        .into_iter()
        .zip(sources)
        .filter(|(_, (_, _, source))| source.starts_with("registry+"))
        .map(|(p, _)| p)
        .collect()
}

/// Makes `target/wasm-vendor/` match Cargo.lock (idempotent: a crate folder is
/// rebuilt only when its stamp — checksum plus patch checksum — changed) and
/// returns the `cargo --config` arguments that use it.
pub fn prepare() -> Result<Vec<String>> {
    let repo = paths::repo();
    // Brings Cargo.lock up to date with the manifests (as any cargo command would)
    // and unpacks every registry crate under $CARGO_HOME/registry/src.
    run(Command::new("cargo")
        .args(["fetch", "--quiet"])
        .current_dir(&repo))?;
    let lock_path = repo.join("Cargo.lock");
    let lock =
        fs::read_to_string(&lock_path).context(|| format!("reading {}", lock_path.display()))?;
    let packages = registry_packages(&lock);
    let mut patches = patch_files()?;
    let vendor = vendor_dir();
    fs::create_dir_all(&vendor)?;
    let mut wanted = std::collections::BTreeSet::new();
    let (mut reused, mut linked) = (0, 0);
    for (name, version, checksum) in &packages {
        if checksum.is_empty() {
            bail!(
                "{} has no checksum for {name} {version}",
                lock_path.display()
            );
        }
        let dir_name = format!("{name}-{version}");
        wanted.insert(dir_name.clone());
        let patch = patches
            .iter()
            .position(|(n, v, _)| n == name && v == version)
            .map(|i| patches.remove(i).2);
        let patch_sha = match &patch {
            Some(p) => proc::sha256_file(p)?,
            None => String::new(),
        };
        let stamp = format!("{checksum} {patch_sha}\n");
        let dest = vendor.join(&dir_name);
        let stamp_file = dest.join(".xtask-stamp");
        if fs::read_to_string(&stamp_file).ok().as_deref() == Some(stamp.as_str()) {
            reused += 1;
            continue;
        }
        let pristine = registry_source(&dir_name)?;
        let tmp = vendor.join(format!(".tmp-{dir_name}"));
        if tmp.exists() {
            fs::remove_dir_all(&tmp)?;
        }
        match &patch {
            Some(file) => {
                run(Command::new("cp").arg("-a").arg(&pristine).arg(&tmp))?;
                let out = capture(
                    Command::new("patch")
                        .args(["-p1", "--forward", "--batch", "-i"])
                        .arg(file)
                        .current_dir(&tmp),
                )
                .context(|| {
                    format!(
                        "applying {} to a copy of {}",
                        file.display(),
                        pristine.display()
                    )
                })?;
                note(format!(
                    "{dir_name}: {} ({})",
                    out.replace('\n', "; "),
                    file.display()
                ));
            }
            None => {
                // Hard links cost no space; fall back to a copy across file systems.
                let ok = Command::new("cp")
                    .arg("-al")
                    .arg(&pristine)
                    .arg(&tmp)
                    .status()
                    .is_ok_and(|s| s.success());
                if !ok {
                    let _ = fs::remove_dir_all(&tmp);
                    run(Command::new("cp").arg("-a").arg(&pristine).arg(&tmp))?;
                }
                linked += 1;
            }
        }
        // Cargo checks `package` against Cargo.lock; no per-file checksums (patched files differ).
        let _ = fs::remove_file(tmp.join(".cargo-checksum.json"));
        fs::write(
            tmp.join(".cargo-checksum.json"),
            format!("{{\"files\":{{}},\"package\":\"{checksum}\"}}"),
        )?;
        fs::write(tmp.join(".xtask-stamp"), &stamp)?;
        if dest.exists() {
            fs::remove_dir_all(&dest)?;
        }
        fs::rename(&tmp, &dest)?;
    }
    if let Some((name, version, file)) = patches.first() {
        let locked: Vec<&str> = packages
            .iter()
            .filter(|(n, _, _)| n == name)
            .map(|(_, v, _)| v.as_str())
            .collect();
        bail!(
            "{} is for {name} {version} but Cargo.lock has {name} {locked:?}: refresh the patch for the locked version",
            file.display()
        );
    }
    // Drop crates Cargo.lock no longer has.
    for e in fs::read_dir(&vendor)?.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if !wanted.contains(&n) {
            fs::remove_dir_all(e.path())?;
        }
    }
    note(format!(
        "{}: {} crates ({reused} unchanged, {linked} linked from the registry)",
        vendor.display(),
        packages.len()
    ));
    Ok(vec![
        "--config".into(),
        format!("source.crates-io.replace-with=\"{SOURCE_NAME}\""),
        "--config".into(),
        format!("source.{SOURCE_NAME}.directory=\"{}\"", vendor.display()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_packages_skip_path_crates() {
        let lock = "[[package]]\nname = \"libc\"\nversion = \"0.2.191\"\nsource = \"registry+https://example/index\"\nchecksum = \"abc\"\n\n[[package]]\nname = \"xtask\"\nversion = \"0.1.0\"\n";
        assert_eq!(
            registry_packages(lock),
            vec![("libc".into(), "0.2.191".into(), "abc".into())]
        );
    }

    #[test]
    fn lock_packages_reads_name_version_source() {
        let lock = "version = 4\n\n[[package]]\nname = \"libc\"\nversion = \"0.2.191\"\nsource = \"registry+https://example/index\"\n\n[[package]]\nname = \"xtask\"\nversion = \"0.1.0\"\n";
        let p = lock_packages(lock);
        assert_eq!(
            p[0],
            (
                "libc".into(),
                "0.2.191".into(),
                "registry+https://example/index".into()
            )
        );
        assert_eq!(p[1], ("xtask".into(), "0.1.0".into(), String::new()));
    }

    #[test]
    fn every_patch_matches_the_lockfile() {
        for (name, version, file) in patch_files().unwrap() {
            assert_eq!(
                locked_version(&name).unwrap(),
                version,
                "{}",
                file.display()
            );
        }
    }
}
