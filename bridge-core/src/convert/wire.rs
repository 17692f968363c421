//! A [`Plan`] made by another host's walker, received in bulk: the JS side
//! walks a whole object graph in one call and writes it as numbers and UTF-16
//! code units, and [`decode_plan`] reads it back, checking everything (it
//! came from outside), so `to_py()` of a large structure is two crossings,
//! not two per element.
//!
//! Nodes are numbered in the order they appear; node 0 is the root. Each
//! node is a kind followed by its operands:
//!
//! | kind | operands | node |
//! |---|---|---|
//! | 0, 1, 2, 3 | — | `undefined`, `null`, `false`, `true` |
//! | 4 | `x` | a number (the ±(2^53−1) rule picks int or float) |
//! | 5 | `offset len` | a string: `len` code units of the pool from `offset` |
//! | 6 | `offset len` | a BigInt: its hex digits (optional `-`) in the pool |
//! | 7 | `n id…` | a list of `n` nodes |
//! | 8 | `n (key value)…` | a map of `n` entries |
//! | 9 | `n id…` | a set of `n` nodes |
//! | 10 | `index` | an object that crosses by reference: entry `index` of the host's side list |

use super::plan::{NodeId, Plan, PlanNode};
use crate::error::BridgeError;
use crate::value::{BigInt, Text, Value};

pub const UNDEFINED: f64 = 0.0;
pub const NULL: f64 = 1.0;
pub const FALSE: f64 = 2.0;
pub const TRUE: f64 = 3.0;
pub const NUMBER: f64 = 4.0;
pub const STRING: f64 = 5.0;
pub const BIGINT: f64 = 6.0;
pub const LIST: f64 = 7.0;
pub const MAP: f64 = 8.0;
pub const SET: f64 = 9.0;
pub const OBJECT: f64 = 10.0;

fn bad(reason: impl Into<String>) -> BridgeError {
    BridgeError::InvalidPlan {
        reason: reason.into(),
    }
}

struct Reader<'a> {
    ops: &'a [f64],
    at: usize,
}

impl Reader<'_> {
    fn next(&mut self) -> Result<f64, BridgeError> {
        let v = *self
            .ops
            .get(self.at)
            .ok_or_else(|| bad(format!("the plan ends early at {}", self.at)))?;
        self.at += 1;
        Ok(v)
    }

    /// A non-negative integer operand below `limit`.
    fn count(&mut self, what: &str, limit: usize) -> Result<usize, BridgeError> {
        let v = self.next()?;
        if !(v >= 0.0 && v.fract() == 0.0 && v < limit as f64) {
            return Err(bad(format!(
                "{what} {v} at {} is not an integer below {limit}",
                self.at - 1
            )));
        }
        Ok(v as usize)
    }
}

fn units(pool: &[u16], offset: usize, len: usize) -> Result<&[u16], BridgeError> {
    pool.get(
        offset
            ..offset
                .checked_add(len)
                .ok_or_else(|| bad("string range overflows"))?,
    )
    .ok_or_else(|| {
        bad(format!(
            "string {offset}+{len} is outside the pool of {}",
            pool.len()
        ))
    })
}

/// Decode a plan whose by-reference leaves are indices below `objects`.
pub fn decode_plan(ops: &[f64], pool: &[u16], objects: usize) -> Result<Plan<u32>, BridgeError> {
    let mut r = Reader { ops, at: 0 };
    let mut nodes = Vec::new();
    // Every operand takes at least one slot, so no node can have more
    // children than there are slots: a bound for every count.
    let max = ops.len() + 1;
    while r.at < ops.len() {
        let kind = r.next()?;
        let node = match kind {
            k if k == UNDEFINED => PlanNode::Leaf(Value::Undefined),
            k if k == NULL => PlanNode::Leaf(Value::Null),
            k if k == FALSE => PlanNode::Leaf(Value::Bool(false)),
            k if k == TRUE => PlanNode::Leaf(Value::Bool(true)),
            k if k == NUMBER => PlanNode::Leaf(Value::from_js_number(r.next()?)),
            k if k == STRING || k == BIGINT => {
                let offset = r.count("string offset", pool.len() + 1)?;
                let len = r.count("string length", pool.len() + 1)?;
                let u = units(pool, offset, len)?;
                if k == STRING {
                    PlanNode::Leaf(Value::Str(match String::from_utf16(u) {
                        Ok(s) => Text::Utf8(s),
                        Err(_) => Text::Utf16(u.to_vec()),
                    }))
                } else {
                    let hex =
                        String::from_utf16(u).map_err(|_| bad("a BigInt's digits are not text"))?;
                    PlanNode::Leaf(Value::BigInt(BigInt::from_hex(&hex)?))
                }
            }
            k if k == LIST || k == SET => {
                let n = r.count("length", max)?;
                let mut items = Vec::with_capacity(n.min(1 << 16));
                for _ in 0..n {
                    items.push(NodeId(r.count("node id", u32::MAX as usize)? as u32));
                }
                if k == LIST {
                    PlanNode::List(items)
                } else {
                    PlanNode::Set(items)
                }
            }
            k if k == MAP => {
                let n = r.count("length", max)?;
                let mut entries = Vec::with_capacity(n.min(1 << 16));
                for _ in 0..n {
                    let key = NodeId(r.count("node id", u32::MAX as usize)? as u32);
                    let value = NodeId(r.count("node id", u32::MAX as usize)? as u32);
                    entries.push((key, value));
                }
                PlanNode::Map(entries)
            }
            k if k == OBJECT => {
                PlanNode::Leaf(Value::Handle(r.count("object index", objects)? as u32))
            }
            other => return Err(bad(format!("unknown node kind {other} at {}", r.at - 1))),
        };
        nodes.push(node);
    }
    if nodes.is_empty() {
        return Err(bad("an empty plan"));
    }
    let plan = Plan {
        nodes,
        root: NodeId(0),
    };
    plan.validate()?;
    Ok(plan)
}

/// An encoded plan: `(ops, pool, objects)`.
pub type Encoded<H> = (Vec<f64>, Vec<u16>, Vec<H>);

/// A plan written in the same format, for the other direction (`to_js()`:
/// bridge-py walks, the JS side decodes): `(ops, pool, objects)`, the
/// by-reference leaves moved out into `objects` in the order they appear.
/// The root becomes node 0. `Value::Bytes` has no node kind: the host turns
/// bytes into objects before planning, and a plan that still has them is an
/// [`BridgeError::InvalidPlan`].
pub fn encode_plan<H>(plan: Plan<H>) -> Result<Encoded<H>, BridgeError> {
    let n = plan.nodes.len();
    if n == 0 || plan.root.0 as usize >= n {
        return Err(bad("the plan has no root node"));
    }
    // Node ids in the wire: the root swapped with node 0.
    let root = plan.root.0;
    let id = |NodeId(i): NodeId| -> f64 {
        if i == root {
            0.0
        } else if i == 0 {
            root as f64
        } else {
            i as f64
        }
    };
    let mut order: Vec<Option<PlanNode<H>>> = plan.nodes.into_iter().map(Some).collect();
    order.swap(0, root as usize);
    let mut ops = Vec::with_capacity(n * 2);
    let mut pool = Vec::new();
    let mut objects = Vec::new();
    for node in order.into_iter().flatten() {
        match node {
            PlanNode::Leaf(v) => match v {
                Value::Undefined => ops.push(UNDEFINED),
                Value::Null => ops.push(NULL),
                Value::Bool(false) => ops.push(FALSE),
                Value::Bool(true) => ops.push(TRUE),
                Value::Int(i) => ops.extend([NUMBER, i as f64]),
                Value::Float(x) => ops.extend([NUMBER, x]),
                Value::Str(t) => {
                    let units = t.to_utf16();
                    ops.extend([STRING, pool.len() as f64, units.len() as f64]);
                    pool.extend_from_slice(&units);
                }
                Value::BigInt(b) => {
                    let hex = b.to_hex();
                    ops.extend([BIGINT, pool.len() as f64, hex.len() as f64]);
                    pool.extend(hex.encode_utf16());
                }
                Value::Bytes(_) => return Err(bad("bytes must become objects before encoding")),
                Value::Handle(h) => {
                    ops.extend([OBJECT, objects.len() as f64]);
                    objects.push(h);
                }
            },
            PlanNode::List(items) => {
                ops.extend([LIST, items.len() as f64]);
                ops.extend(items.into_iter().map(id));
            }
            PlanNode::Set(items) => {
                ops.extend([SET, items.len() as f64]);
                ops.extend(items.into_iter().map(id));
            }
            PlanNode::Map(entries) => {
                ops.extend([MAP, entries.len() as f64]);
                for (k, v) in entries {
                    ops.extend([id(k), id(v)]);
                }
            }
        }
    }
    Ok((ops, pool, objects))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_then_decode_is_the_same_graph() {
        // root (node 2) = {"k": [root, 7n**30, "é\u{1F600}"]}, a cycle
        let big = BigInt::from_decimal("22539340290692258087863249").unwrap();
        let plan = Plan {
            nodes: vec![
                PlanNode::List(vec![NodeId(2), NodeId(3), NodeId(4), NodeId(5)]),
                PlanNode::Leaf(Value::Str(Text::Utf8("k".into()))),
                PlanNode::Map(vec![(NodeId(1), NodeId(0))]),
                PlanNode::Leaf(Value::BigInt(big.clone())),
                PlanNode::Leaf(Value::Str(Text::Utf8("é\u{1F600}".into()))),
                PlanNode::Leaf(Value::Handle(42u32)),
            ],
            root: NodeId(2),
        };
        let (ops, pool, objects) = encode_plan(plan).unwrap();
        assert_eq!(objects, vec![42]);
        let back = decode_plan(&ops, &pool, objects.len()).unwrap();
        // Node ids 0 and 2 swapped places.
        assert_eq!(back.nodes[0], PlanNode::Map(vec![(NodeId(1), NodeId(2))]));
        assert_eq!(
            back.nodes[2],
            PlanNode::List(vec![NodeId(0), NodeId(3), NodeId(4), NodeId(5)])
        );
        assert_eq!(back.nodes[3], PlanNode::Leaf(Value::BigInt(big)));
        assert_eq!(
            back.nodes[4],
            PlanNode::Leaf(Value::Str(Text::Utf8("é\u{1F600}".into())))
        );
        assert_eq!(back.nodes[5], PlanNode::Leaf(Value::Handle(0)));
        let bytes = Plan {
            nodes: vec![PlanNode::<u32>::Leaf(Value::Bytes(vec![1]))],
            root: NodeId(0),
        };
        assert!(encode_plan(bytes).is_err());
    }

    #[test]
    fn a_cycle_and_every_leaf_kind_decode() {
        // node 0: list [1, 2, 3, 0]; 1: "hi"; 2: 5; 3: object #0
        let ops = [
            LIST, 4.0, 1.0, 2.0, 3.0, 0.0, STRING, 0.0, 2.0, NUMBER, 5.0, OBJECT, 0.0,
        ];
        let pool: Vec<u16> = "hi".encode_utf16().collect();
        let plan = decode_plan(&ops, &pool, 1).unwrap();
        assert_eq!(plan.nodes.len(), 4);
        assert_eq!(
            plan.nodes[0],
            PlanNode::List(vec![NodeId(1), NodeId(2), NodeId(3), NodeId(0)])
        );
        assert_eq!(
            plan.nodes[1],
            PlanNode::Leaf(Value::Str(Text::Utf8("hi".into())))
        );
        assert_eq!(plan.nodes[2], PlanNode::Leaf(Value::Int(5)));
        assert_eq!(plan.nodes[3], PlanNode::Leaf(Value::Handle(0)));
    }

    #[test]
    fn lone_surrogates_and_bigints() {
        let pool = [0xd800u16, b'-' as u16, b'f' as u16, b'f' as u16];
        let plan = decode_plan(
            &[MAP, 1.0, 1.0, 2.0, STRING, 0.0, 1.0, BIGINT, 1.0, 3.0],
            &pool,
            0,
        )
        .unwrap();
        assert_eq!(
            plan.nodes[1],
            PlanNode::Leaf(Value::Str(Text::Utf16(vec![0xd800])))
        );
        assert_eq!(
            plan.nodes[2],
            PlanNode::Leaf(Value::BigInt(BigInt::from(-255)))
        );
    }

    #[test]
    fn hostile_input_is_a_typed_error_never_a_panic() {
        let cases: &[&[f64]] = &[
            &[],
            &[LIST, 2.0, 0.0],
            &[LIST, 1.0, 7.0],
            &[LIST, f64::NAN],
            &[LIST, -1.0],
            &[LIST, 1e300],
            &[STRING, 0.0, 5.0],
            &[OBJECT, 3.0],
            &[42.0],
            &[NUMBER],
            &[MAP, 1.0, 0.0],
        ];
        for ops in cases {
            assert!(
                matches!(
                    decode_plan(ops, &[], 1),
                    Err(BridgeError::InvalidPlan { .. }) | Err(BridgeError::MalformedBigInt { .. })
                ),
                "{ops:?}"
            );
        }
    }

    #[test]
    fn random_words_never_panic() {
        let mut x = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..2000 {
            let n = (x % 12) as usize;
            let ops: Vec<f64> = (0..n)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    (x % 13) as f64
                })
                .collect();
            let _ = decode_plan(&ops, &[b'a' as u16; 4], 2);
        }
    }
}
