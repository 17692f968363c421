//! Handle tables: the objects one side keeps alive for the other.
//!
//! There is one [`HandleTable`] per direction: `HandleTable<JsRef, _>` holds
//! JS objects that Python proxies point to, `HandleTable<PyRef, _>` holds
//! Python objects that JS proxies point to. See `docs/lifetimes.md` for the
//! states an entry goes through.

mod key;
mod leak;
mod table;

#[cfg(test)]
mod model_tests;

pub use key::{
    JsRef, PyRef, TableKey, GENERATION_BITS, INDEX_BITS, MAX_GENERATION, MAX_INDEX, TAG_SHIFT,
    WIRE_BITS, WIRE_LIMIT,
};
pub use leak::{Leak, LeakReport};
pub use table::{HandleTable, TableLimits, TableStats};
