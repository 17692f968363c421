//! `include/bridge.h` is what cbindgen generates from the crate today.
//!
//! Regenerate after an ABI change with
//! `BRIDGE_BLESS=1 cargo test -p bridge-capi --test header`.

use std::path::Path;

fn generate() -> String {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(crate_dir.join("cbindgen.toml"))
        .expect("bridge-capi/cbindgen.toml parses");
    let bindings = cbindgen::Builder::new()
        .with_config(config)
        .with_src(crate_dir.join("src/lib.rs"))
        .generate()
        .expect("cbindgen generates the header from bridge-capi/src");
    let mut out = Vec::new();
    bindings.write(&mut out);
    String::from_utf8(out).expect("the header is UTF-8")
}

#[test]
fn header_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("include/bridge.h");
    let fresh = generate();
    if std::env::var_os("BRIDGE_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&path, &fresh).expect("write include/bridge.h");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != fresh {
        let first = committed
            .lines()
            .zip(fresh.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(committed.lines().count().min(fresh.lines().count()));
        panic!(
            "{} is not what cbindgen generates from bridge-capi/src (first difference at line {}).\n\
             Regenerate it with:\n    BRIDGE_BLESS=1 cargo test -p bridge-capi --test header\n\
             and commit the result.",
            path.display(),
            first + 1
        );
    }
}

#[test]
fn header_has_the_spec_guard_and_includes() {
    let h = generate();
    assert!(
        h.contains("#ifndef BRIDGE_H\n#define BRIDGE_H"),
        "include guard"
    );
    for inc in [
        "#include <stdint.h>",
        "#include <stddef.h>",
        "#include <stdbool.h>",
    ] {
        assert!(h.contains(inc), "{inc}");
    }
    for name in [
        "typedef int32_t bridge_status_t;",
        "#define BRIDGE_ERR_INTERNAL 23",
        "typedef void (*bridge_release_fn)(void *ctx, uint32_t table, uint64_t key, uint64_t payload);",
        "uint32_t bridge_abi_version(void);",
        "bridge_value_payload_t as;",
    ] {
        assert!(h.contains(name), "missing {name:?}");
    }
}
