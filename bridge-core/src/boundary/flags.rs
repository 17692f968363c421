//! Capability flags: what an object can do, decided once when it first
//! crosses, in the spirit of Pyodide's type flags. The typed proxies pick
//! their class (and so their protocol methods) from these.
//!
//! [`JsFlags`] are computed by the JS side (`package/flags.js`, generated from
//! this file) and cached per JS object; [`PyFlags`] are read from a Python
//! type's slots by bridge-py.

macro_rules! flag_set {
    ($(#[$meta:meta])* $name:ident { $($(#[$fmeta:meta])* $flag:ident = $bit:expr, $js:literal;)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub struct $name(u32);

        impl $name {
            $($(#[$fmeta])* pub const $flag: $name = $name(1 << $bit);)*

            /// Every flag with its JS constant name, in bit order.
            pub const NAMED: &'static [(&'static str, $name)] = &[$(($js, $name::$flag)),*];

            pub const fn empty() -> Self { $name(0) }
            pub const fn all() -> Self { $name(0 $(| (1 << $bit))*) }
            pub const fn bits(self) -> u32 { self.0 }
            /// The known flags of `bits`; unknown bits are dropped.
            pub const fn from_bits_truncate(bits: u32) -> Self { $name(bits & Self::all().0) }
            pub const fn contains(self, other: $name) -> bool { self.0 & other.0 == other.0 }
            pub const fn intersects(self, other: $name) -> bool { self.0 & other.0 != 0 }
            pub const fn is_empty(self) -> bool { self.0 == 0 }
        }

        impl std::ops::BitOr for $name {
            type Output = $name;
            fn bitor(self, o: $name) -> $name { $name(self.0 | o.0) }
        }

        impl std::ops::BitOrAssign for $name {
            fn bitor_assign(&mut self, o: $name) { self.0 |= o.0; }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let names: Vec<&str> = Self::NAMED.iter().filter(|(_, v)| self.contains(*v)).map(|(n, _)| *n).collect();
                write!(f, "{}({})", stringify!($name), names.join(" | "))
            }
        }
    };
}

flag_set! {
    /// What a JS object can do (at most 28 bits: they share a `u32` with the
    /// [`Tag`](super::Tag)).
    JsFlags {
        /// `typeof x === "function"`.
        CALLABLE = 0, "callable";
        /// Has `Symbol.iterator`.
        ITERABLE = 1, "iterable";
        /// Has a `next` method.
        ITERATOR = 2, "iterator";
        /// Has `Symbol.asyncIterator`.
        ASYNC_ITERABLE = 3, "asyncIterable";
        /// `Array.isArray(x)`.
        ARRAY = 4, "array";
        /// An integer or float typed array (`ArrayBuffer.isView`, not a DataView).
        TYPED_ARRAY = 5, "typedArray";
        /// Not an array but has a numeric `length` (NodeList, arguments…).
        ARRAY_LIKE = 6, "arrayLike";
        /// `instanceof Map`.
        MAP = 7, "map";
        /// `instanceof Set`.
        SET = 8, "set";
        /// Has a `then` method (a promise or any thenable).
        THENABLE = 9, "thenable";
        /// `instanceof Error`.
        ERROR = 10, "error";
        /// Has a numeric `length` or `size`.
        HAS_LENGTH = 11, "hasLength";
        /// Has a `get` method.
        HAS_GET = 12, "hasGet";
        /// Has a `set` method.
        HAS_SET = 13, "hasSet";
        /// Has a `has` method.
        HAS_HAS = 14, "hasHas";
        /// An `ArrayBuffer`, a typed array or a `DataView`.
        BUFFER = 15, "buffer";
        /// A generator object.
        GENERATOR = 16, "generator";
        /// An async generator object.
        ASYNC_GENERATOR = 17, "asyncGenerator";
        /// A class or other constructor (`typeof` "function" with a `prototype`).
        CONSTRUCTOR = 18, "constructor";
        /// A symbol (no identity cache: symbols cannot be WeakMap keys everywhere).
        SYMBOL = 19, "symbol";
        /// A DOM element (`instanceof Element` where the host has a DOM).
        DOM_ELEMENT = 20, "domElement";
        /// A PyProxy made by `create_proxy` that crosses back to Python as a
        /// `JsDoubleProxy` (`roundtrip=True`).
        DOUBLE_PROXY = 21, "doubleProxy";
    }
}

flag_set! {
    /// What a Python object can do, from its type's slots.
    PyFlags {
        /// `tp_call`.
        CALL = 0, "call";
        /// `len()` works (`mp_length` or `sq_length`).
        LEN = 1, "len";
        /// `obj[k]` works.
        GETITEM = 2, "getitem";
        /// `obj[k] = v` / `del obj[k]` work.
        SETITEM = 3, "setitem";
        /// `in` has its own slot (`sq_contains`).
        CONTAINS = 4, "contains";
        /// `iter()` works (`tp_iter`).
        ITER = 5, "iter";
        /// An iterator (`tp_iternext`).
        NEXT = 6, "next";
        /// Awaitable (`am_await`).
        AWAIT = 7, "await";
        /// The buffer protocol (`bf_getbuffer`).
        BUFFER = 8, "buffer";
        /// A dict or `collections.abc.Mapping`-flagged type.
        DICT = 9, "dict";
        /// A `Py_TPFLAGS_SEQUENCE` type (list, tuple, range…).
        SEQUENCE = 10, "sequence";
        /// A generator.
        GENERATOR = 11, "generator";
        /// An async iterable (`am_aiter`).
        ASYNC_ITER = 12, "asyncIter";
        /// An exception instance.
        EXCEPTION = 13, "exception";
        /// An async iterator (`am_anext`).
        ASYNC_NEXT = 14, "asyncNext";
        /// An async generator.
        ASYNC_GENERATOR = 15, "asyncGenerator";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn js_flags_fit_beside_the_tag() {
        assert!(JsFlags::all().bits() < 1 << (32 - super::super::TagWord::TAG_BITS));
    }

    #[test]
    fn bits_are_distinct_and_named() {
        for set in [
            JsFlags::NAMED
                .iter()
                .map(|(n, f)| (*n, f.bits()))
                .collect::<Vec<_>>(),
            PyFlags::NAMED.iter().map(|(n, f)| (*n, f.bits())).collect(),
        ] {
            let mut seen = 0u32;
            for (name, bits) in set {
                assert_eq!(bits.count_ones(), 1, "{name}");
                assert_eq!(seen & bits, 0, "{name} reuses a bit");
                seen |= bits;
            }
        }
        assert_eq!(
            format!("{:?}", JsFlags::CALLABLE | JsFlags::THENABLE),
            "JsFlags(callable | thenable)"
        );
        assert_eq!(JsFlags::from_bits_truncate(u32::MAX), JsFlags::all());
    }
}
