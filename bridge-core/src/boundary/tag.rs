//! What a JS value is, learned in one call when it crosses into Python.
//!
//! The JS side answers one `u32`, a [`TagWord`]: the [`Tag`] in the low 4 bits
//! and, for objects, the object's [`JsFlags`](super::JsFlags) above them.
//!
//! ```text
//!  bits 31..4                    bits 3..0
//! +-----------------------------+---------+
//! | JsFlags (objects only)      |   tag   |
//! +-----------------------------+---------+
//! ```

use super::flags::JsFlags;

/// The kind of a JS value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Tag {
    Undefined = 0,
    Number = 1,
    String = 2,
    False = 3,
    True = 4,
    BigInt = 5,
    Null = 6,
    /// Any object, function or symbol: crosses by reference.
    Object = 7,
    /// A `PyProxy` (or a `PythonError` holding an exception) of *this*
    /// runtime: crosses back as the original Python object.
    Python = 8,
    /// In a result slot: "the value is the one the call returned", for
    /// values that do not travel through the scratch area (BigInt, bytes…).
    Returned = 9,
    /// In a result slot: the property does not exist (`name in obj` is false).
    Absent = 10,
    /// In a result slot: the call threw; the hook kept the thrown value for
    /// `takeThrown` (hot hooks catch in JS instead of through the glue's
    /// per-call exception wrapper).
    Thrown = 11,
}

impl Tag {
    pub const ALL: [Tag; 12] = [
        Tag::Undefined,
        Tag::Number,
        Tag::String,
        Tag::False,
        Tag::True,
        Tag::BigInt,
        Tag::Null,
        Tag::Object,
        Tag::Python,
        Tag::Returned,
        Tag::Absent,
        Tag::Thrown,
    ];

    /// The JS constant name (`TAG.undefined`…).
    pub fn js_name(self) -> &'static str {
        match self {
            Tag::Undefined => "undefined",
            Tag::Number => "number",
            Tag::String => "string",
            Tag::False => "false",
            Tag::True => "true",
            Tag::BigInt => "bigint",
            Tag::Null => "null",
            Tag::Object => "object",
            Tag::Python => "python",
            Tag::Returned => "returned",
            Tag::Absent => "absent",
            Tag::Thrown => "thrown",
        }
    }

    pub fn from_u8(n: u8) -> Option<Tag> {
        Tag::ALL.get(n as usize).copied()
    }
}

/// A tag and, for objects, their flags, packed as the JS side sends them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TagWord(pub u32);

impl TagWord {
    pub const TAG_BITS: u32 = 4;

    pub fn new(tag: Tag, flags: JsFlags) -> Self {
        TagWord((tag as u32) | (flags.bits() << Self::TAG_BITS))
    }

    /// The tag, or `None` for a word no JS side of ours sends.
    pub fn tag(self) -> Option<Tag> {
        Tag::from_u8((self.0 & ((1 << Self::TAG_BITS) - 1)) as u8)
    }

    pub fn flags(self) -> JsFlags {
        JsFlags::from_bits_truncate(self.0 >> Self::TAG_BITS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip() {
        for t in Tag::ALL {
            for f in [
                JsFlags::empty(),
                JsFlags::CALLABLE | JsFlags::THENABLE,
                JsFlags::all(),
            ] {
                let w = TagWord::new(t, f);
                assert_eq!(w.tag(), Some(t));
                assert_eq!(w.flags(), f);
            }
        }
        assert_eq!(TagWord(15).tag(), None);
        assert_eq!(TagWord(12).tag(), None);
    }
}
