//! UTF-8 / WTF-8 -> UTF-16.

use super::ascii::ascii_run_u8;
use crate::error::BridgeError;

/// `&str` -> UTF-16 (same result as `s.encode_utf16().collect()`).
pub fn str_to_utf16(s: &str) -> Vec<u16> {
    let mut out = Vec::new();
    str_to_utf16_into(s, &mut out);
    out
}

/// Append the UTF-16 form of `s` to `out`.
pub fn str_to_utf16_into(s: &str, out: &mut Vec<u16>) {
    // A `&str` is valid UTF-8: no validation, only ASCII runs and chars.
    out.reserve(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        let run = ascii_run_u8(rest.as_bytes());
        out.extend(rest.as_bytes()[..run].iter().map(|&b| u16::from(b)));
        let mut chars = rest[run..].chars();
        for c in chars.by_ref() {
            let c = u32::from(c);
            if c < 0x80 {
                out.push(c as u16);
                break;
            } else if c < 0x1_0000 {
                out.push(c as u16);
            } else {
                let c = c - 0x1_0000;
                out.extend_from_slice(&[0xd800 | (c >> 10) as u16, 0xdc00 | (c & 0x3ff) as u16]);
            }
        }
        rest = chars.as_str();
    }
}

/// WTF-8 (or any UTF-8 in which surrogate code points may appear as 3-byte
/// sequences) -> UTF-16.
pub fn wtf8_to_utf16(bytes: &[u8]) -> Result<Vec<u16>, BridgeError> {
    let mut out = Vec::new();
    wtf8_to_utf16_into(bytes, &mut out)?;
    Ok(out)
}

/// Append the UTF-16 form of `bytes` to `out`. On error `out` is restored to
/// its previous length.
pub fn wtf8_to_utf16_into(bytes: &[u8], out: &mut Vec<u16>) -> Result<(), BridgeError> {
    let start = out.len();
    decode_into(bytes, out).inspect_err(|_| out.truncate(start))
}

fn decode_into(bytes: &[u8], out: &mut Vec<u16>) -> Result<(), BridgeError> {
    out.reserve(bytes.len());
    let mut i = ascii_run_u8(bytes);
    out.extend(bytes[..i].iter().map(|&b| u16::from(b)));
    let is_cont = |b: u8| b & 0xc0 == 0x80;
    while let Some(&b0) = bytes.get(i) {
        match b0 {
            0x00..=0x7f => {
                let run = ascii_run_u8(&bytes[i..]);
                out.extend(bytes[i..i + run].iter().map(|&b| u16::from(b)));
                i += run;
            }
            0xc2..=0xdf => match bytes.get(i + 1) {
                Some(&b1) if is_cont(b1) => {
                    out.push((u16::from(b0 & 0x1f) << 6) | u16::from(b1 & 0x3f));
                    i += 2;
                }
                _ => return Err(invalid_at(bytes, i)),
            },
            // E0 needs A0..BF second (else overlong). ED A0..BF (the
            // surrogates) is allowed: that is the WTF-8 part.
            0xe0..=0xef => match bytes.get(i + 1..i + 3) {
                Some(&[b1, b2]) if is_cont(b1) && is_cont(b2) && (b0 != 0xe0 || b1 >= 0xa0) => {
                    out.push(
                        (u16::from(b0 & 0x0f) << 12)
                            | (u16::from(b1 & 0x3f) << 6)
                            | u16::from(b2 & 0x3f),
                    );
                    i += 3;
                }
                _ => return Err(invalid_at(bytes, i)),
            },
            0xf0..=0xf4 => match bytes.get(i + 1..i + 4) {
                Some(&[b1, b2, b3])
                    if is_cont(b1)
                        && is_cont(b2)
                        && is_cont(b3)
                        && (b0 != 0xf0 || b1 >= 0x90)
                        && (b0 != 0xf4 || b1 < 0x90) =>
                {
                    let cp = (u32::from(b0 & 0x07) << 18)
                        | (u32::from(b1 & 0x3f) << 12)
                        | (u32::from(b2 & 0x3f) << 6)
                        | u32::from(b3 & 0x3f);
                    let c = cp - 0x1_0000;
                    out.extend_from_slice(&[
                        0xd800 | (c >> 10) as u16,
                        0xdc00 | (c & 0x3ff) as u16,
                    ]);
                    i += 4;
                }
                _ => return Err(invalid_at(bytes, i)),
            },
            _ => return Err(invalid_at(bytes, i)),
        }
    }
    Ok(())
}

/// Why the sequence starting at `i` is malformed (the decoder's slow path).
#[cold]
#[inline(never)]
fn invalid_at(bytes: &[u8], i: usize) -> BridgeError {
    let err = |reason| BridgeError::InvalidUtf8 { offset: i, reason };
    let b0 = bytes[i];
    let (len, second_ok): (usize, fn(u8) -> bool) = match b0 {
        0x80..=0xbf => return err("unexpected continuation byte"),
        0xc0 | 0xc1 => return err("overlong encoding"),
        0xc2..=0xdf => (2, |b| b & 0xc0 == 0x80),
        0xe0 => (3, |b| (0xa0..=0xbf).contains(&b)),
        0xe1..=0xef => (3, |b| b & 0xc0 == 0x80),
        0xf0 => (4, |b| (0x90..=0xbf).contains(&b)),
        0xf1..=0xf3 => (4, |b| b & 0xc0 == 0x80),
        0xf4 => (4, |b| (0x80..=0x8f).contains(&b)),
        _ => return err("code point above U+10FFFF"),
    };
    for k in 1..len {
        match bytes.get(i + k) {
            None => return err("truncated sequence"),
            Some(&b) if k == 1 && b & 0xc0 == 0x80 && !second_ok(b) => {
                return err(if b0 == 0xf4 {
                    "code point above U+10FFFF"
                } else {
                    "overlong encoding"
                })
            }
            Some(&b) if b & 0xc0 != 0x80 => return err("invalid continuation byte"),
            Some(_) => {}
        }
    }
    err("invalid sequence")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_std_on_valid_text() {
        for s in [
            "",
            "abc",
            "h\u{e9}llo",
            "\u{20ac}",
            "a\u{1f600}b",
            "\u{10ffff}\u{0}\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}",
        ] {
            let expect: Vec<u16> = s.encode_utf16().collect();
            assert_eq!(str_to_utf16(s), expect);
            assert_eq!(wtf8_to_utf16(s.as_bytes()).unwrap(), expect);
        }
    }

    #[test]
    fn surrogates_pass_through() {
        // Python: "\ud800".encode("utf-8", "surrogatepass") == b"\xed\xa0\x80"
        assert_eq!(
            wtf8_to_utf16(b"a\xed\xa0\x80b").unwrap(),
            vec![0x61, 0xd800, 0x62]
        );
        assert_eq!(wtf8_to_utf16(b"\xed\xbf\xbf").unwrap(), vec![0xdfff]);
        // Two 3-byte surrogates make a pair in UTF-16.
        assert_eq!(
            wtf8_to_utf16(b"\xed\xa0\xbd\xed\xb8\x80").unwrap(),
            vec![0xd83d, 0xde00]
        );
    }

    #[test]
    fn malformed_bytes_name_offset_and_problem() {
        for (bytes, offset, why) in [
            (&b"ab\x80"[..], 2, "unexpected continuation"),
            (b"\xc0\x80", 0, "overlong"),
            (b"\xc1\xbf", 0, "overlong"),
            (b"x\xe0\x80\x80", 1, "overlong"),
            (b"\xf0\x80\x80\x80", 0, "overlong"),
            (b"\xf4\x90\x80\x80", 0, "U+10FFFF"),
            (b"\xf5\x80\x80\x80", 0, "U+10FFFF"),
            (b"\xff", 0, "U+10FFFF"),
            (b"abc\xe2\x82", 3, "truncated"),
            (b"\xf0\x9f\x98", 0, "truncated"),
            (b"\xc3", 0, "truncated"),
            (b"\xc3(", 0, "continuation"),
            (b"\xe2\x28\xa1", 0, "continuation"),
        ] {
            let e = wtf8_to_utf16(bytes).unwrap_err();
            assert_eq!(
                e,
                BridgeError::InvalidUtf8 {
                    offset,
                    reason: match &e {
                        BridgeError::InvalidUtf8 { reason, .. } => reason,
                        _ => unreachable!(),
                    }
                }
            );
            assert!(e.to_string().contains(why), "{bytes:?}: {e}");
            assert_eq!(e.python_class(), "UnicodeDecodeError");
        }
    }

    #[test]
    fn into_restores_on_error() {
        let mut out = vec![1, 2];
        assert!(wtf8_to_utf16_into(b"abc\xff", &mut out).is_err());
        assert_eq!(out, vec![1, 2]);
        wtf8_to_utf16_into(b"z", &mut out).unwrap();
        assert_eq!(out, vec![1, 2, 0x7a]);
    }
}
