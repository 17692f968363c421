//! [`Text`]: a string in whichever encoding its source had.

use std::borrow::Cow;

use crate::codec;
use crate::error::BridgeError;

/// A string crossing by value. Python strings usually arrive as UTF-8 and JS
/// strings as UTF-16; converting happens once, at the target, through
/// [`crate::codec`]. Lone surrogates are kept in either form (`Utf16`
/// holds them directly; a Python string with surrogates arrives through
/// [`Text::from_wtf8`] and is stored as `Utf16`).
#[derive(Debug, Clone)]
pub enum Text {
    /// Valid Unicode.
    Utf8(String),
    /// UTF-16 code units, possibly with lone surrogates.
    Utf16(Vec<u16>),
}

impl Text {
    /// From WTF-8 bytes (Python's `surrogatepass` UTF-8).
    pub fn from_wtf8(bytes: &[u8]) -> Result<Text, BridgeError> {
        match std::str::from_utf8(bytes) {
            Ok(s) => Ok(Text::Utf8(s.to_owned())),
            Err(_) => codec::wtf8_to_utf16(bytes).map(Text::Utf16),
        }
    }

    /// The UTF-16 code units (what JS needs).
    pub fn to_utf16(&self) -> Cow<'_, [u16]> {
        match self {
            Text::Utf8(s) => Cow::Owned(codec::str_to_utf16(s)),
            Text::Utf16(u) => Cow::Borrowed(u),
        }
    }

    /// The WTF-8 bytes (what Python decodes with `surrogatepass`).
    pub fn to_wtf8(&self) -> Cow<'_, [u8]> {
        match self {
            Text::Utf8(s) => Cow::Borrowed(s.as_bytes()),
            Text::Utf16(u) => Cow::Owned(codec::utf16_to_wtf8(u)),
        }
    }

    /// As `&str` when stored as UTF-8.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Text::Utf8(s) => Some(s),
            Text::Utf16(_) => None,
        }
    }

    /// As a Rust `String`; a lone surrogate is
    /// [`BridgeError::LoneSurrogate`].
    pub fn into_string(self) -> Result<String, BridgeError> {
        match self {
            Text::Utf8(s) => Ok(s),
            Text::Utf16(u) => codec::utf16_to_string(&u),
        }
    }

    /// Length in UTF-16 units (JS `length`).
    pub fn utf16_len(&self) -> usize {
        match self {
            Text::Utf8(s) => s.chars().map(char::len_utf16).sum(),
            Text::Utf16(u) => u.len(),
        }
    }

    /// Length in code points (Python `len`, pairs counted once).
    pub fn code_point_len(&self) -> usize {
        match self {
            Text::Utf8(s) => s.chars().count(),
            Text::Utf16(u) => char::decode_utf16(u.iter().copied()).count(),
        }
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Text::Utf8(a), Text::Utf8(b)) => a == b,
            _ => self.to_utf16() == other.to_utf16(),
        }
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Utf8(s.to_owned())
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text::Utf8(s)
    }
}

impl From<Vec<u16>> for Text {
    fn from(u: Vec<u16>) -> Self {
        Text::Utf16(u)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn astral_and_lone_surrogates() {
        let t = Text::from("a\u{1f600}b");
        assert_eq!((t.code_point_len(), t.utf16_len()), (3, 4));
        let u = Text::Utf16(vec![0x61, 0xd800]);
        assert_eq!((u.code_point_len(), u.utf16_len()), (2, 2));
        assert_eq!(u.to_wtf8().as_ref(), b"a\xed\xa0\x80");
        assert_eq!(Text::from_wtf8(b"a\xed\xa0\x80").unwrap(), u);
        assert!(matches!(
            u.clone().into_string(),
            Err(BridgeError::LoneSurrogate { offset: 1, .. })
        ));
        assert_eq!(Text::Utf16("ok".encode_utf16().collect()), Text::from("ok"));
        assert!(Text::from_wtf8(b"\xff").is_err());
        assert_eq!(Text::from_wtf8(b"plain").unwrap().as_str(), Some("plain"));
    }
}
