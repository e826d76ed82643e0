//! Workspace tests and examples.
