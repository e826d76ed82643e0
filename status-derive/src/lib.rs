//! `#[derive(HttpStatus)]`; use it through `status_core`, which re-exports it.
//!
//! The pipeline is one pass per file: `ast` and `attr` parse the input, `check` enforces HTTP's
//! rules (with `grammar` for static header values), `expand` generates the impl;
//! `prop` answers the questions both of them ask. `status-derive-internals` compiles these same
//! files as an ordinary library, for property tests and fuzzing outside a compiler run.
#![forbid(unsafe_code)]

mod ast;
mod attr;
mod check;
mod contract_table;
mod ctxt;
mod expand;
mod grammar;
mod prop;

use proc_macro::TokenStream;

#[doc = include_str!("../README.md")]
#[proc_macro_derive(
    HttpStatus,
    attributes(status, header, location, retry_after, body, extension, instance)
)]
pub fn derive_http_status(input: TokenStream) -> TokenStream {
    expand::derive_tokens(input.into()).into()
}
