//! The JS module `bridge-js/package/flags.js`, generated from [`Tag`] and the
//! flag sets so the two languages share one source. The test
//! `checked_in_flags_js_is_current` fails when the checked-in file differs;
//! `BRIDGE_REGEN=1 cargo test -p bridge-core checked_in_flags_js` rewrites it.

use std::fmt::Write;

use super::flags::{JsFlags, PyFlags};
use super::tag::{Tag, TagWord};

pub fn flags_js() -> String {
    let mut s = String::new();
    s.push_str("// GENERATED from bridge-core/src/boundary (js_source.rs) (`BRIDGE_REGEN=1 cargo test -p bridge-core checked_in_flags_js`): do not edit.\n");
    s.push_str("// What a JS value is (low bits of a tag word) and what objects can do (the bits above).\n\n");
    let _ = writeln!(s, "export const TAG_BITS = {};", TagWord::TAG_BITS);
    s.push_str("\nexport const TAG = Object.freeze({\n");
    for t in Tag::ALL {
        let _ = writeln!(s, "  {}: {},", t.js_name(), t as u8);
    }
    s.push_str("});\n\nexport const JS_FLAGS = Object.freeze({\n");
    for (name, f) in JsFlags::NAMED {
        let _ = writeln!(s, "  {name}: 0x{:x},", f.bits());
    }
    s.push_str("});\n\nexport const PY_FLAGS = Object.freeze({\n");
    for (name, f) in PyFlags::NAMED {
        let _ = writeln!(s, "  {name}: 0x{:x},", f.bits());
    }
    s.push_str("});\n\n");
    use super::scratch as sc;
    let _ = writeln!(
        s,
        "export const SCRATCH = Object.freeze({{ result: {}, resultWord: {}, args: {}, argStride: {}, maxArgs: {}, done: {}, f64Slots: {}, bytes: {} }});",
        sc::RESULT,
        sc::RESULT_WORD,
        sc::ARGS,
        sc::ARG_STRIDE,
        sc::MAX_ARGS,
        sc::DONE,
        sc::F64_SLOTS,
        sc::BYTES
    );
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn checked_in_flags_js_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../bridge-js/package/flags.js");
        let want = super::flags_js();
        if std::env::var_os("BRIDGE_REGEN").is_some() {
            std::fs::write(path, &want).expect("writing flags.js");
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            have == want,
            "{path} is not what bridge-core generates: run `BRIDGE_REGEN=1 cargo test -p bridge-core checked_in_flags_js`"
        );
    }

    #[test]
    fn names_every_tag_and_flag() {
        let s = super::flags_js();
        assert!(s.contains("  python: 8,"));
        assert!(s.contains("  callable: 0x1,"));
        assert!(s.contains("  exception: 0x2000,"));
    }
}
