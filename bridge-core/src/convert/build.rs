//! Building a [`Plan`] in the target host.

use super::plan::{NodeId, Plan, PlanNode};
use crate::error::BridgeError;
use crate::value::Value;

/// The target host's constructors. Containers are created empty (with their
/// final length as a hint) and filled after every node exists, so edges to
/// later nodes -- cycles -- work.
pub trait Build {
    /// A target object (cheap to clone: a reference).
    type Out: Clone;
    /// Handle type of by-reference leaves.
    type Handle;

    /// Convert a leaf.
    fn leaf(&mut self, v: Value<Self::Handle>) -> Result<Self::Out, BridgeError>;
    /// An empty list (JS Array / Python list).
    fn new_list(&mut self, len: usize) -> Result<Self::Out, BridgeError>;
    /// An empty map (JS Object or Map / Python dict).
    fn new_map(&mut self, len: usize) -> Result<Self::Out, BridgeError>;
    /// An empty set.
    fn new_set(&mut self, len: usize) -> Result<Self::Out, BridgeError>;
    /// Append to a list.
    fn push(&mut self, list: &Self::Out, item: &Self::Out) -> Result<(), BridgeError>;
    /// Insert into a map.
    fn insert(
        &mut self,
        map: &Self::Out,
        key: &Self::Out,
        value: &Self::Out,
    ) -> Result<(), BridgeError>;
    /// Add to a set.
    fn add(&mut self, set: &Self::Out, item: &Self::Out) -> Result<(), BridgeError>;
}

impl<H> Plan<H> {
    /// Build the plan with `b`; returns the root object.
    pub fn build<B: Build<Handle = H>>(self, b: &mut B) -> Result<B::Out, BridgeError> {
        self.validate()?;
        let Plan { nodes, root } = self;
        let mut built: Vec<B::Out> = Vec::with_capacity(nodes.len());
        let mut fills: Vec<(usize, PlanNode<()>)> = Vec::new();
        for (i, node) in nodes.into_iter().enumerate() {
            let out = match node {
                PlanNode::Leaf(v) => b.leaf(v)?,
                PlanNode::List(items) => {
                    let o = b.new_list(items.len())?;
                    fills.push((i, PlanNode::List(items)));
                    o
                }
                PlanNode::Set(items) => {
                    let o = b.new_set(items.len())?;
                    fills.push((i, PlanNode::Set(items)));
                    o
                }
                PlanNode::Map(entries) => {
                    let o = b.new_map(entries.len())?;
                    fills.push((i, PlanNode::Map(entries)));
                    o
                }
            };
            built.push(out);
        }
        // `validate` checked every id; `get` keeps this panic-free anyway.
        let get = |id: NodeId| {
            built
                .get(id.0 as usize)
                .ok_or_else(|| BridgeError::InvalidPlan {
                    reason: format!("dangling node {}", id.0),
                })
        };
        for (i, fill) in fills {
            let this = get(NodeId(i as u32))?;
            match fill {
                PlanNode::List(items) => {
                    for id in items {
                        b.push(this, get(id)?)?;
                    }
                }
                PlanNode::Set(items) => {
                    for id in items {
                        b.add(this, get(id)?)?;
                    }
                }
                PlanNode::Map(entries) => {
                    for (k, v) in entries {
                        b.insert(this, get(k)?, get(v)?)?;
                    }
                }
                PlanNode::Leaf(_) => {}
            }
        }
        get(root).cloned()
    }
}
