//! The conformance runner lives in `run.mjs`; `cargo xtask test` drives it.
