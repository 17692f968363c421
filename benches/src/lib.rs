//! Benchmarks: see `benches/` (criterion) and `e2e/` (Node, against Pyodide).
