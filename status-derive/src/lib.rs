//! `#[derive(HttpStatus)]`; use it through `status_core`, which re-exports it.
//!
//! The pipeline is one pass per file: `ast` and `attr` parse the input, `check` enforces HTTP's
//! rules (with `grammar` for static header values), `expand` generates the impl;
//! `prop` answers the questions both of them ask.
#![forbid(unsafe_code)]

mod ast;
mod attr;
mod check;
mod ctxt;
mod expand;
mod grammar;
mod prop;
#[cfg(test)]
mod properties;

use proc_macro::TokenStream;

#[doc = include_str!("../README.md")]
#[proc_macro_derive(
    HttpStatus,
    attributes(status, header, location, retry_after, body, extension, instance)
)]
pub fn derive_http_status(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    expand::derive(&input).into()
}
