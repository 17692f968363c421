//! Running external programs: echo the command, fail with a message naming it,
//! optionally send its output to a log file and show the log's tail on failure.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::ui::{note, Context, Result};
use crate::{bail, err};

/// The command line as a shell-like string, for messages.
pub fn show(cmd: &Command) -> String {
    let mut s = String::new();
    if let Some(dir) = cmd.get_current_dir() {
        s.push_str(&format!("(in {}) ", dir.display()));
    }
    for (k, v) in cmd.get_envs() {
        if let Some(v) = v {
            s.push_str(&format!(
                "{}={} ",
                k.to_string_lossy(),
                quote(&v.to_string_lossy())
            ));
        }
    }
    s.push_str(&quote(&cmd.get_program().to_string_lossy()));
    for a in cmd.get_args() {
        s.push(' ');
        s.push_str(&quote(&a.to_string_lossy()));
    }
    s
}

fn quote(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:,+@%".contains(c))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

fn spawn_error(cmd: &Command, e: std::io::Error) -> crate::ui::Error {
    let prog = cmd.get_program().to_string_lossy().into_owned();
    if e.kind() == std::io::ErrorKind::NotFound {
        err!(
            "`{prog}` was not found (looked on PATH: {}); run `cargo xtask setup` or install it",
            path_dirs()
        )
    } else {
        err!("could not start `{}`: {e}", show(cmd))
    }
}

/// Runs a command with inherited stdio; fails if it exits non-zero.
pub fn run(cmd: &mut Command) -> Result<()> {
    note(format!("$ {}", show(cmd)));
    let status = cmd.status().map_err(|e| spawn_error(cmd, e))?;
    if !status.success() {
        bail!("command failed ({status}): {}", show(cmd));
    }
    Ok(())
}

/// Runs a command and returns whether it succeeded (no error on non-zero exit).
pub fn run_status(cmd: &mut Command) -> Result<bool> {
    note(format!("$ {}", show(cmd)));
    let status = cmd.status().map_err(|e| spawn_error(cmd, e))?;
    Ok(status.success())
}

/// Runs a command with stdout and stderr appended to `log`; on failure prints the
/// log's last lines and names the log file.
pub fn run_logged(cmd: &mut Command, log: &Path) -> Result<()> {
    note(format!("$ {}", show(cmd)));
    note(format!("  (output in {})", log.display()));
    let f = File::options()
        .create(true)
        .append(true)
        .open(log)
        .context(|| format!("opening log {}", log.display()))?;
    let f2 = f.try_clone()?;
    let status = cmd
        .stdout(Stdio::from(f))
        .stderr(Stdio::from(f2))
        .status()
        .map_err(|e| spawn_error(cmd, e))?;
    if !status.success() {
        let text = fs::read_to_string(log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let tail = &lines[lines.len().saturating_sub(40)..];
        eprintln!("---- last lines of {} ----", log.display());
        for l in tail {
            eprintln!("{l}");
        }
        eprintln!("---- end of log ----");
        bail!(
            "command failed ({status}): {}\n  full log: {}",
            show(cmd),
            log.display()
        );
    }
    Ok(())
}

/// Runs a command and returns its stdout (trimmed); fails if it exits non-zero.
pub fn capture(cmd: &mut Command) -> Result<String> {
    let out = cmd
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| spawn_error(cmd, e))?;
    if !out.status.success() {
        bail!(
            "command failed ({}): {}\n{}",
            out.status,
            show(cmd),
            String::from_utf8_lossy(&out.stderr).trim_end()
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Like [`capture`] but returns `None` when the program is missing or fails.
pub fn try_capture(cmd: &mut Command) -> Option<String> {
    let out = cmd.stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn path_dirs() -> String {
    std::env::var("PATH").unwrap_or_default().replace(':', ", ")
}

/// Finds a program on PATH.
pub fn which(name: &str) -> Option<PathBuf> {
    if name.contains('/') {
        let p = PathBuf::from(name);
        return p.is_file().then_some(p);
    }
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// Finds a program on PATH or fails naming where it looked and what provides it.
pub fn require(name: &str, provided_by: &str) -> Result<PathBuf> {
    which(name).ok_or_else(|| {
        err!("`{name}` not found on PATH (looked in: {}); it comes from {provided_by} — run `cargo xtask setup`", path_dirs())
    })
}

/// Fails naming `path` and what it is if it does not exist.
pub fn require_file(path: &Path, what: &str) -> Result<()> {
    if !path.exists() {
        bail!("{what} not found: looked for {}", path.display());
    }
    Ok(())
}

/// `sha256sum` of a file, as lowercase hex.
pub fn sha256_file(path: &Path) -> Result<String> {
    let out = capture(Command::new("sha256sum").arg(path))?;
    out.split_whitespace()
        .next()
        .map(str::to_string)
        .ok_or_else(|| err!("sha256sum printed nothing for {}", path.display()))
}

/// Whether we run as root (needed for apt).
pub fn is_root() -> bool {
    try_capture(Command::new("id").arg("-u")).as_deref() == Some("0")
}
