//! Leak reports: what is still alive in a table, and who made it.

use std::collections::BTreeMap;
use std::fmt;

/// One live entry at the time of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leak {
    /// The entry's key in wire form.
    pub wire: u64,
    /// Its reference count.
    pub refcount: u32,
    /// The allocation-site label given to `insert_labeled`, if any.
    pub label: Option<&'static str>,
}

/// Every live entry of one table, in slot order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeakReport {
    /// "JsRef" or "PyRef".
    pub kind: &'static str,
    /// The live entries.
    pub entries: Vec<Leak>,
}

impl LeakReport {
    /// No entry alive.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of live entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Live entries counted per label (unlabeled entries under `None`),
    /// most frequent first, ties by label.
    pub fn by_label(&self) -> Vec<(Option<&'static str>, usize)> {
        let mut counts: BTreeMap<Option<&'static str>, usize> = BTreeMap::new();
        for e in &self.entries {
            *counts.entry(e.label).or_default() += 1;
        }
        let mut v: Vec<_> = counts.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }
}

impl fmt::Display for LeakReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} live {} handle(s)", self.entries.len(), self.kind)?;
        for (label, n) in self.by_label() {
            write!(f, "\n  {n} x {}", label.unwrap_or("(unlabeled)"))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_by_label_most_frequent_first() {
        let l = |label| Leak {
            wire: 1,
            refcount: 1,
            label,
        };
        let r = LeakReport {
            kind: "PyRef",
            entries: vec![l(Some("b")), l(None), l(Some("a")), l(Some("a"))],
        };
        assert_eq!(
            r.by_label(),
            vec![(Some("a"), 2), (None, 1), (Some("b"), 1)]
        );
        assert_eq!(
            r.to_string(),
            "4 live PyRef handle(s)\n  2 x a\n  1 x (unlabeled)\n  1 x b"
        );
        assert_eq!(r.len(), 4);
        assert!(!r.is_empty());
    }
}
