//! Planner + builder tests against mock source and target hosts.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use proptest::prelude::*;

use super::*;
use crate::error::BridgeError;
use crate::handle::{HandleTable, PyRef};
use crate::value::{Text, Value};

#[derive(Debug)]
enum Src {
    Int(i64),
    Str(&'static str),
    List(Vec<SrcRef>),
    Dict(Vec<(SrcRef, SrcRef)>),
    Set(Vec<SrcRef>),
    Custom(&'static str),
}
type SrcRef = Rc<RefCell<Src>>;

fn s(v: Src) -> SrcRef {
    Rc::new(RefCell::new(v))
}

#[derive(Default)]
struct SrcWalk {
    table: HandleTable<PyRef, SrcRef>,
}

impl Walk for SrcWalk {
    type Node = SrcRef;
    type Id = usize;
    type Handle = PyRef;

    fn identity(&mut self, n: &SrcRef) -> Option<usize> {
        match &*n.borrow() {
            Src::Int(_) | Src::Str(_) => None,
            _ => Some(Rc::as_ptr(n) as usize),
        }
    }

    fn shape(&mut self, n: &SrcRef) -> Result<Shape<SrcRef, PyRef>, BridgeError> {
        Ok(match &*n.borrow() {
            Src::Int(i) => Shape::Leaf(Value::from_i64(*i)),
            Src::Str(t) => Shape::Leaf(Value::Str(Text::from(*t))),
            Src::List(v) => Shape::List(v.clone()),
            Src::Dict(v) => Shape::Map(v.clone()),
            Src::Set(v) => Shape::Set(v.clone()),
            Src::Custom(name) => Shape::Unsupported {
                type_name: (*name).to_string(),
            },
        })
    }

    fn by_ref(&mut self, n: &SrcRef) -> Result<PyRef, BridgeError> {
        self.table.insert_labeled(n.clone(), "to_js depth limit")
    }
}

#[derive(Debug, Clone)]
enum Out {
    Val(Value<PyRef>),
    Arr(Rc<RefCell<Vec<Out>>>),
    Obj(Rc<RefCell<Vec<(Out, Out)>>>),
    Set(Rc<RefCell<Vec<Out>>>),
}

impl Out {
    fn ptr(&self) -> Option<usize> {
        match self {
            Out::Val(_) => None,
            Out::Arr(r) | Out::Set(r) => Some(Rc::as_ptr(r) as usize),
            Out::Obj(r) => Some(Rc::as_ptr(r) as usize),
        }
    }
    fn items(&self) -> Vec<Out> {
        match self {
            Out::Arr(r) | Out::Set(r) => r.borrow().clone(),
            _ => panic!("not a list: {self:?}"),
        }
    }
}

struct OutBuild;

impl Build for OutBuild {
    type Out = Out;
    type Handle = PyRef;
    fn leaf(&mut self, v: Value<PyRef>) -> Result<Out, BridgeError> {
        Ok(Out::Val(v))
    }
    fn new_list(&mut self, len: usize) -> Result<Out, BridgeError> {
        Ok(Out::Arr(Rc::new(RefCell::new(Vec::with_capacity(len)))))
    }
    fn new_map(&mut self, len: usize) -> Result<Out, BridgeError> {
        Ok(Out::Obj(Rc::new(RefCell::new(Vec::with_capacity(len)))))
    }
    fn new_set(&mut self, len: usize) -> Result<Out, BridgeError> {
        Ok(Out::Set(Rc::new(RefCell::new(Vec::with_capacity(len)))))
    }
    fn push(&mut self, list: &Out, item: &Out) -> Result<(), BridgeError> {
        match list {
            Out::Arr(r) => {
                r.borrow_mut().push(item.clone());
                Ok(())
            }
            _ => Err(BridgeError::InvalidPlan {
                reason: "push on non-list".into(),
            }),
        }
    }
    fn insert(&mut self, map: &Out, k: &Out, v: &Out) -> Result<(), BridgeError> {
        match map {
            Out::Obj(r) => {
                r.borrow_mut().push((k.clone(), v.clone()));
                Ok(())
            }
            _ => Err(BridgeError::InvalidPlan {
                reason: "insert on non-map".into(),
            }),
        }
    }
    fn add(&mut self, set: &Out, item: &Out) -> Result<(), BridgeError> {
        match set {
            Out::Set(r) => {
                r.borrow_mut().push(item.clone());
                Ok(())
            }
            _ => Err(BridgeError::InvalidPlan {
                reason: "add on non-set".into(),
            }),
        }
    }
}

fn convert(walk: &mut SrcWalk, root: SrcRef, opts: PlanOptions) -> Result<Out, BridgeError> {
    Planner::new(opts).plan(walk, root)?.build(&mut OutBuild)
}

#[test]
fn nested_values_convert_in_order() {
    let root = s(Src::Dict(vec![
        (
            s(Src::Str("a")),
            s(Src::List(vec![s(Src::Int(1)), s(Src::Int(1 << 60))])),
        ),
        (s(Src::Str("b")), s(Src::Set(vec![s(Src::Str("x"))]))),
    ]));
    let out = convert(&mut SrcWalk::default(), root, PlanOptions::default()).unwrap();
    let Out::Obj(entries) = out else { panic!() };
    let entries = entries.borrow();
    assert!(matches!(&entries[0].0, Out::Val(Value::Str(t)) if t.as_str() == Some("a")));
    let list = entries[0].1.items();
    assert!(matches!(list[0], Out::Val(Value::Int(1))));
    assert!(matches!(&list[1], Out::Val(Value::BigInt(_))));
    assert!(matches!(&entries[1].1, Out::Set(_)));
}

#[test]
fn shared_child_stays_shared() {
    let shared = s(Src::List(vec![s(Src::Int(7))]));
    let root = s(Src::List(vec![
        shared.clone(),
        shared.clone(),
        s(Src::List(vec![])),
    ]));
    let out = convert(&mut SrcWalk::default(), root, PlanOptions::default()).unwrap();
    let items = out.items();
    assert_eq!(items[0].ptr(), items[1].ptr());
    assert_ne!(items[0].ptr(), items[2].ptr());
}

#[test]
fn cycle_converts_to_a_cycle() {
    let a = s(Src::List(vec![]));
    let b = s(Src::Dict(vec![(s(Src::Str("back")), a.clone())]));
    if let Src::List(v) = &mut *a.borrow_mut() {
        v.push(a.clone()); // a contains itself
        v.push(b.clone()); // and b, which points back to a
    }
    let out = convert(&mut SrcWalk::default(), a.clone(), PlanOptions::default()).unwrap();
    let items = out.items();
    assert_eq!(items[0].ptr(), out.ptr());
    let Out::Obj(entries) = &items[1] else {
        panic!()
    };
    assert_eq!(entries.borrow()[0].1.ptr(), out.ptr());
    a.borrow_mut(); // (the source cycle leaks in this test; fine)
}

#[test]
fn depth_limit_turns_deeper_containers_into_handles() {
    let inner = s(Src::List(vec![s(Src::Int(2))]));
    let root = s(Src::List(vec![s(Src::Int(1)), inner.clone()]));
    let mut walk = SrcWalk::default();
    let out = convert(
        &mut walk,
        root.clone(),
        PlanOptions {
            max_depth: 1,
            ..PlanOptions::default()
        },
    )
    .unwrap();
    let items = out.items();
    assert!(matches!(items[0], Out::Val(Value::Int(1)))); // leaves always by value
    let Out::Val(Value::Handle(h)) = items[1] else {
        panic!("{:?}", items[1])
    };
    assert!(Rc::ptr_eq(walk.table.get(h).unwrap(), &inner));
    assert_eq!(walk.table.label(h), Ok(Some("to_js depth limit")));
    // depth 0: even the root crosses by reference.
    let out = convert(
        &mut walk,
        root,
        PlanOptions {
            max_depth: 0,
            ..PlanOptions::default()
        },
    )
    .unwrap();
    assert!(matches!(out, Out::Val(Value::Handle(_))));
    assert_eq!(walk.table.len(), 2);
}

#[test]
fn unsupported_is_conversion_error_unless_the_converter_takes_it() {
    let root = s(Src::List(vec![s(Src::Custom("Foo"))]));
    let e = convert(
        &mut SrcWalk::default(),
        root.clone(),
        PlanOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        e,
        BridgeError::conversion("Foo", "no conversion rule and no converter took it")
    );
    assert_eq!(
        (e.python_class(), e.js_class()),
        ("ConversionError", "TypeError")
    );

    // A converter (Pyodide's default_converter) turns Foo into a string.
    let mut seen = 0;
    let plan = Planner::new(PlanOptions::default())
        .with_converter(|n: &SrcRef, _w: &mut SrcWalk| {
            seen += 1;
            Ok(match &*n.borrow() {
                Src::Custom(name) => Some(Shape::Leaf(Value::Str(Text::from(format!("<{name}>"))))),
                _ => None,
            })
        })
        .plan(&mut SrcWalk::default(), root.clone())
        .unwrap();
    let out = plan.build(&mut OutBuild).unwrap();
    assert!(matches!(&out.items()[0], Out::Val(Value::Str(t)) if t.as_str() == Some("<Foo>")));
    assert_eq!(seen, 1);

    // A converter that declines, or errors, fails the plan.
    let mut p =
        Planner::new(PlanOptions::default()).with_converter(|_: &SrcRef, _: &mut SrcWalk| Ok(None));
    assert!(matches!(
        p.plan(&mut SrcWalk::default(), root.clone()),
        Err(BridgeError::Conversion { .. })
    ));
    let mut p =
        Planner::new(PlanOptions::default()).with_converter(|_: &SrcRef, _: &mut SrcWalk| {
            Err(BridgeError::conversion("Foo", "converter raised"))
        });
    assert_eq!(
        p.plan(&mut SrcWalk::default(), root).unwrap_err(),
        BridgeError::conversion("Foo", "converter raised")
    );
}

/// A virtual chain `0 -> 1 -> ... -> n` (no real nesting to drop).
struct Chain(u32);

impl Walk for Chain {
    type Node = u32;
    type Id = u32;
    type Handle = ();
    fn identity(&mut self, n: &u32) -> Option<u32> {
        Some(*n)
    }
    fn shape(&mut self, n: &u32) -> Result<Shape<u32, ()>, BridgeError> {
        Ok(if *n < self.0 {
            Shape::List(vec![n + 1])
        } else {
            Shape::Leaf(Value::Int(i64::from(*n)))
        })
    }
    fn by_ref(&mut self, _: &u32) -> Result<(), BridgeError> {
        Ok(())
    }
}

#[test]
fn a_million_levels_do_not_overflow_the_stack() {
    let plan = Planner::new(PlanOptions::default())
        .plan(&mut Chain(1_000_000), 0)
        .unwrap();
    assert_eq!(plan.nodes.len(), 1_000_001);
    assert_eq!(plan.nodes[1_000_000], PlanNode::Leaf(Value::Int(1_000_000)));
    let limited = Planner::new(PlanOptions {
        max_depth: 3,
        ..PlanOptions::default()
    })
    .plan(&mut Chain(1_000_000), 0)
    .unwrap();
    assert_eq!(limited.nodes.len(), 4);
    assert_eq!(limited.nodes[3], PlanNode::Leaf(Value::Handle(())));
}

#[test]
fn node_budget_is_a_conversion_error() {
    let e = Planner::new(PlanOptions {
        max_nodes: 10,
        ..PlanOptions::default()
    })
    .plan(&mut Chain(100), 0)
    .unwrap_err();
    assert!(
        matches!(e, BridgeError::Conversion { ref reason, .. } if reason.contains("more than 10 nodes")),
        "{e}"
    );
}

#[test]
fn malformed_plans_are_rejected_before_building() {
    let bad: Plan<PyRef> = Plan {
        nodes: vec![PlanNode::List(vec![NodeId(5)])],
        root: NodeId(0),
    };
    assert!(matches!(
        bad.build(&mut OutBuild),
        Err(BridgeError::InvalidPlan { .. })
    ));
    let bad: Plan<PyRef> = Plan {
        nodes: vec![],
        root: NodeId(0),
    };
    assert!(matches!(
        bad.validate(),
        Err(BridgeError::InvalidPlan { .. })
    ));
}

/// Random graphs with sharing and cycles: the output has the same shape,
/// and source identity maps one-to-one onto output identity.
fn graph() -> impl Strategy<Value = Vec<Option<Vec<usize>>>> {
    prop::collection::vec(
        prop::option::weighted(0.7, prop::collection::vec(any::<usize>(), 0..4)),
        1..20,
    )
}

proptest! {
    #[test]
    fn random_graphs_keep_sharing_and_cycles(spec in graph()) {
        let n = spec.len();
        let nodes: Vec<SrcRef> = spec
            .iter()
            .enumerate()
            .map(|(i, c)| s(if c.is_some() { Src::List(vec![]) } else { Src::Int(i as i64) }))
            .collect();
        for (i, c) in spec.iter().enumerate() {
            if let (Some(children), Src::List(v)) = (c, &mut *nodes[i].borrow_mut()) {
                v.extend(children.iter().map(|&j| nodes[j % n].clone()));
            }
        }
        let out = convert(&mut SrcWalk::default(), nodes[0].clone(), PlanOptions::default()).unwrap();
        let mut fwd: HashMap<usize, usize> = HashMap::new();
        let mut back: HashMap<usize, usize> = HashMap::new();
        let mut stack = vec![(nodes[0].clone(), out)];
        while let Some((src, o)) = stack.pop() {
            let src_b = src.borrow();
            match (&*src_b, &o) {
                (Src::Int(i), Out::Val(Value::Int(j))) => prop_assert_eq!(i, j),
                (Src::List(items), Out::Arr(_)) => {
                    let (sp, op) = (Rc::as_ptr(&src) as usize, o.ptr().unwrap());
                    if let Some(&seen) = fwd.get(&sp) {
                        prop_assert_eq!(seen, op);
                        continue;
                    }
                    prop_assert!(!back.contains_key(&op), "two sources became one output");
                    fwd.insert(sp, op);
                    back.insert(op, sp);
                    let outs = o.items();
                    prop_assert_eq!(items.len(), outs.len());
                    stack.extend(items.iter().cloned().zip(outs));
                }
                (a, b) => prop_assert!(false, "{:?} vs {:?}", a, b),
            }
        }
        for node in &nodes {
            if let Src::List(v) = &mut *node.borrow_mut() {
                v.clear(); // break cycles
            }
        }
    }
}
