//! Re-exports status-core, as a facade does.
#![forbid(unsafe_code)]

pub use status_core;
pub use status_core::HttpStatus;
