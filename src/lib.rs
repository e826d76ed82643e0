//! The workspace's root package: it owns `tests/` and `examples/`, and runs the README's code as
//! doctests.
#![forbid(unsafe_code)]
#![doc = include_str!("../README.md")]
