//! `#[derive(HttpStatus)]`; use it through `status_core`, which re-exports it.
//!
//! The pipeline is parse, check, expand, one module each: `attr` parses the attributes and `ast`
//! builds the view of the input both later passes read (each variant's header sources and body
//! parts, built once); `check` enforces HTTP's rules (with `grammar` for why a static value is
//! malformed) and owns every guarantee; `expand` generates the impl and trusts what `check`
//! accepted; `prop` answers the questions both of them ask. Facts about status codes and header
//! syntax come from `status_codes`. ARCHITECTURE.md at the repository's root has the map.
//! `status-derive-internals` compiles these same files as an ordinary library, for property
//! tests and fuzzing outside a compiler run.
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
