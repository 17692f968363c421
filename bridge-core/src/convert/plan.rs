//! The planner: walk a source graph into a [`Plan`].

use std::collections::HashMap;
use std::hash::Hash;

use crate::error::BridgeError;
use crate::value::Value;

/// Index of a node in a [`Plan`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

/// One level of a source object, as the source host describes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape<N, H> {
    /// Crosses by value (or, for `Value::Handle`, by reference).
    Leaf(Value<H>),
    /// A sequence: Python list/tuple <-> JS Array.
    List(Vec<N>),
    /// Key/value pairs: Python dict <-> JS Object or Map.
    Map(Vec<(N, N)>),
    /// A set: Python set/frozenset <-> JS Set.
    Set(Vec<N>),
    /// The host has no rule for this object; the converter hook may.
    Unsupported {
        /// For the error message.
        type_name: String,
    },
}

/// A node of a plan.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanNode<H> {
    /// A value (or a handle: by reference).
    Leaf(Value<H>),
    /// Items, in order.
    List(Vec<NodeId>),
    /// Entries, in order.
    Map(Vec<(NodeId, NodeId)>),
    /// Members, in order.
    Set(Vec<NodeId>),
}

/// A converted graph. Node ids index [`Plan::nodes`]; edges may point to
/// any node, earlier or later (cycles, shared children).
#[derive(Debug, Clone, PartialEq)]
pub struct Plan<H> {
    /// The nodes.
    pub nodes: Vec<PlanNode<H>>,
    /// The node standing for the converted root.
    pub root: NodeId,
}

/// The source host's view of its objects.
pub trait Walk {
    /// A reference to one source object.
    type Node;
    /// Object identity for the memo (e.g. an address). Two nodes with equal
    /// ids are the same object (the planner keeps memoized nodes alive for
    /// the walk, so an address is not reused meanwhile).
    type Id: Eq + Hash;
    /// The handle type of values crossing by reference.
    type Handle;

    /// The identity of a container, or `None` for objects that need no memo
    /// (immutable leaves such as ints and strings).
    fn identity(&mut self, node: &Self::Node) -> Option<Self::Id>;

    /// Describe one level of `node`.
    fn shape(&mut self, node: &Self::Node) -> Result<Shape<Self::Node, Self::Handle>, BridgeError>;

    /// Make `node` cross by reference (beyond the depth limit).
    fn by_ref(&mut self, node: &Self::Node) -> Result<Self::Handle, BridgeError>;

    /// Whether `node` is a container (its shape a `List`, `Map` or `Set`),
    /// when that is known without describing it: a container at or beyond
    /// the depth limit then crosses by reference unexamined (a dict's keys
    /// unchecked). `None`, the default: the planner asks [`Walk::shape`].
    fn is_container(&mut self, _node: &Self::Node) -> Option<bool> {
        None
    }
}

/// Options of one deep conversion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanOptions {
    /// Containers at this depth or deeper cross by reference (root = 0).
    /// `usize::MAX` (the default) means no limit.
    pub max_depth: usize,
    /// At most this many nodes; beyond it the plan fails with
    /// [`BridgeError::Conversion`] instead of exhausting memory.
    pub max_nodes: usize,
}

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions {
            max_depth: usize::MAX,
            max_nodes: u32::MAX as usize,
        }
    }
}

type Hook<'h, W> = dyn FnMut(
        &<W as Walk>::Node,
        &mut W,
    ) -> Result<Option<Shape<<W as Walk>::Node, <W as Walk>::Handle>>, BridgeError>
    + 'h;

/// Walks a source graph into a [`Plan`].
pub struct Planner<'h, W: Walk> {
    options: PlanOptions,
    converter: Option<Box<Hook<'h, W>>>,
}

/// Where a finished child goes.
#[derive(Clone, Copy)]
enum Slot {
    Root,
    Item(NodeId, usize),
    Key(NodeId, usize),
    Value(NodeId, usize),
}

const PENDING: NodeId = NodeId(u32::MAX);

impl<'h, W: Walk> Planner<'h, W> {
    /// A planner with `options` and no converter.
    pub fn new(options: PlanOptions) -> Self {
        Planner {
            options,
            converter: None,
        }
    }

    /// Install the user converter: called with the node the host called
    /// [`Shape::Unsupported`]; `Ok(Some(shape))` converts it as `shape`,
    /// `Ok(None)` declines (the plan fails with `ConversionError`).
    pub fn with_converter(
        mut self,
        f: impl FnMut(&W::Node, &mut W) -> Result<Option<Shape<W::Node, W::Handle>>, BridgeError> + 'h,
    ) -> Self {
        self.converter = Some(Box::new(f));
        self
    }

    /// Walk `root`.
    pub fn plan(&mut self, walk: &mut W, root: W::Node) -> Result<Plan<W::Handle>, BridgeError> {
        let mut nodes: Vec<PlanNode<W::Handle>> = Vec::new();
        let mut memo: HashMap<W::Id, NodeId> = HashMap::new();
        let mut root_id = PENDING;
        // The memo is keyed by identity, an address for bridge-py: a memoized
        // node must live as long as its entry, or a later object (a fresh
        // list a subclass's `__iter__` made) could get its address and be
        // taken for it.
        let mut alive: Vec<W::Node> = Vec::new();
        // Depth-first, children in order: the stack holds them reversed.
        let mut stack: Vec<(W::Node, usize, Slot)> = vec![(root, 0, Slot::Root)];
        while let Some((node, depth, slot)) = stack.pop() {
            let mut memoized = false;
            let id = match walk.identity(&node) {
                Some(ident) => match memo.get(&ident) {
                    Some(&id) => id,
                    None => {
                        let id = self.visit(walk, &node, depth, &mut nodes, &mut stack)?;
                        memo.insert(ident, id);
                        memoized = true;
                        id
                    }
                },
                None => self.visit(walk, &node, depth, &mut nodes, &mut stack)?,
            };
            if memoized {
                alive.push(node);
            }
            let target = match slot {
                Slot::Root => {
                    root_id = id;
                    continue;
                }
                Slot::Item(p, i) | Slot::Key(p, i) | Slot::Value(p, i) => (p, i),
            };
            let cell = match (nodes.get_mut(target.0 .0 as usize), slot) {
                (Some(PlanNode::List(v) | PlanNode::Set(v)), Slot::Item(..)) => v.get_mut(target.1),
                (Some(PlanNode::Map(v)), Slot::Key(..)) => v.get_mut(target.1).map(|e| &mut e.0),
                (Some(PlanNode::Map(v)), Slot::Value(..)) => v.get_mut(target.1).map(|e| &mut e.1),
                _ => None,
            };
            match cell {
                Some(c) => *c = id,
                None => {
                    return Err(BridgeError::InvalidPlan {
                        reason: "planner lost a child slot".into(),
                    })
                }
            }
        }
        if root_id == PENDING {
            return Err(BridgeError::InvalidPlan {
                reason: "no root".into(),
            });
        }
        Ok(Plan {
            nodes,
            root: root_id,
        })
    }

    /// Create the node for `node`, pushing its children.
    fn visit(
        &mut self,
        walk: &mut W,
        node: &W::Node,
        depth: usize,
        nodes: &mut Vec<PlanNode<W::Handle>>,
        stack: &mut Vec<(W::Node, usize, Slot)>,
    ) -> Result<NodeId, BridgeError> {
        if nodes.len() >= self.options.max_nodes.min(u32::MAX as usize - 1) {
            return Err(BridgeError::conversion(
                "object graph",
                format!("more than {} nodes", self.options.max_nodes),
            ));
        }
        let id = NodeId(nodes.len() as u32);
        if depth >= self.options.max_depth && walk.is_container(node) == Some(true) {
            // Beyond the limit: by reference, without looking inside.
            nodes.push(PlanNode::Leaf(Value::Handle(walk.by_ref(node)?)));
            return Ok(id);
        }
        let mut shape = walk.shape(node)?;
        if let Shape::Unsupported { type_name } = shape {
            let hooked = match self.converter.as_mut() {
                Some(f) => f(node, walk)?,
                None => None,
            };
            shape = match hooked {
                Some(Shape::Unsupported { .. }) | None => {
                    return Err(BridgeError::conversion(
                        type_name,
                        "no conversion rule and no converter took it",
                    ))
                }
                Some(s) => s,
            };
        }
        let is_container = !matches!(shape, Shape::Leaf(_));
        if is_container && depth >= self.options.max_depth {
            nodes.push(PlanNode::Leaf(Value::Handle(walk.by_ref(node)?)));
            return Ok(id);
        }
        let child = depth.saturating_add(1);
        let pending = |n: usize| vec![PENDING; n];
        let is_set = matches!(shape, Shape::Set(_));
        match shape {
            Shape::Leaf(v) => nodes.push(PlanNode::Leaf(v)),
            Shape::List(items) | Shape::Set(items) => {
                let slots = pending(items.len());
                nodes.push(if is_set {
                    PlanNode::Set(slots)
                } else {
                    PlanNode::List(slots)
                });
                stack.extend(
                    items
                        .into_iter()
                        .enumerate()
                        .rev()
                        .map(|(i, n)| (n, child, Slot::Item(id, i))),
                );
            }
            Shape::Map(entries) => {
                nodes.push(PlanNode::Map(vec![(PENDING, PENDING); entries.len()]));
                for (i, (k, v)) in entries.into_iter().enumerate().rev() {
                    stack.push((v, child, Slot::Value(id, i)));
                    stack.push((k, child, Slot::Key(id, i)));
                }
            }
            Shape::Unsupported { .. } => unreachable_unsupported()?,
        }
        Ok(id)
    }
}

#[cold]
fn unreachable_unsupported() -> Result<(), BridgeError> {
    Err(BridgeError::InvalidPlan {
        reason: "unsupported shape after the converter".into(),
    })
}

impl<H> Plan<H> {
    /// Check that every edge points at a node (plans built by hand, or
    /// received from elsewhere).
    pub fn validate(&self) -> Result<(), BridgeError> {
        let n = self.nodes.len();
        let ok = |id: &NodeId| (id.0 as usize) < n;
        let bad = |what: String| Err(BridgeError::InvalidPlan { reason: what });
        if !ok(&self.root) {
            return bad(format!("root {} of {n} nodes", self.root.0));
        }
        for (i, node) in self.nodes.iter().enumerate() {
            let edges_ok = match node {
                PlanNode::Leaf(_) => true,
                PlanNode::List(v) | PlanNode::Set(v) => v.iter().all(ok),
                PlanNode::Map(v) => v.iter().all(|(a, b)| ok(a) && ok(b)),
            };
            if !edges_ok {
                return bad(format!("node {i} has an edge past the {n} nodes"));
            }
        }
        Ok(())
    }
}
