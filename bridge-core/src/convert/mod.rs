//! Deep conversion, host-neutral: `to_js()` / `to_py()` on nested data.
//!
//! The source host describes its objects one level at a time through
//! [`Walk`]; [`Planner`] walks them (iteratively: deep nesting cannot
//! overflow the stack) into a [`Plan`], a graph of nodes in which a shared
//! child is one node and a cycle is a back-edge. The target host then
//! builds the plan through [`Build`], creating every container before
//! filling any, so a cycle converts to a cycle.
//!
//! * Depth limit ([`PlanOptions::max_depth`], Pyodide's `depth`): the root is
//!   at depth 0; a container at depth `>= max_depth` is not expanded but
//!   crosses by reference ([`Walk::by_ref`]).
//! * Memo: containers with an identity ([`Walk::identity`]) are converted
//!   once; later encounters reuse the node. The first encounter decides
//!   whether the node is expanded or by reference.
//! * User converters: when the host says [`Shape::Unsupported`], the
//!   converter hook (Pyodide's `default_converter`) may supply a shape;
//!   otherwise the plan fails with [`BridgeError::Conversion`].

mod build;
mod plan;
pub mod wire;

pub use build::Build;
pub use plan::{NodeId, Plan, PlanNode, PlanOptions, Planner, Shape, Walk};

#[cfg(test)]
mod tests;
