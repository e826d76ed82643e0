//! The pipeline of `#[derive(HttpStatus)]` as an ordinary library: [`derive_http_status`] takes
//! and returns a `proc_macro2::TokenStream`, so that property tests and fuzzers can run the
//! derive outside a compiler run, and [`property`] is what they check of every expansion.
//!
//! This crate compiles `status-derive`'s own source files (through `#[path]`, as
//! `serde_derive_internals` does with serde's), so the derive that users run and the one tested
//! here are the same code; the proc-macro entry point is a one-line wrapper around the same
//! function. It is not published.
//!
//! ```
//! use std::str::FromStr;
//! use proc_macro2::{TokenStream, TokenTree};
//!
//! let input = TokenStream::from_str("#[status(204)] struct Saved;").unwrap();
//! let output = status_derive_internals::derive_http_status(input).to_string();
//! assert!(output.contains("HttpStatus for Saved"));
//!
//! // A body on 204 is rejected with a compile error (and a stub impl, so no error cascades).
//! let input = TokenStream::from_str(r#"#[status(204, title = "Saved")] struct Saved;"#).unwrap();
//! let output = status_derive_internals::derive_http_status(input).to_string();
//! assert!(output.contains("compile_error"));
//! ```
#![forbid(unsafe_code)]

#[path = "../../status-derive/src/ast/mod.rs"]
mod ast;
#[path = "../../status-derive/src/attr/mod.rs"]
mod attr;
#[path = "../../status-derive/src/check/mod.rs"]
mod check;
#[path = "../../status-derive/src/contract_table.rs"]
mod contract_table;
#[path = "../../status-derive/src/ctxt.rs"]
mod ctxt;
#[path = "../../status-derive/src/expand/mod.rs"]
mod expand;
#[path = "../../status-derive/src/grammar.rs"]
mod grammar;
#[path = "../../status-derive/src/prop.rs"]
mod prop;

pub mod property;

use proc_macro2::{TokenStream, TokenTree};

/// `#[derive(HttpStatus)]` on the tokens of a struct or enum: the impl, or compile errors next
/// to a stub impl. Exactly what the proc macro returns for the same tokens.
///
/// ```
/// # use std::str::FromStr;
/// let input = proc_macro2::TokenStream::from_str("#[status(404)] struct Missing;").unwrap();
/// let output = status_derive_internals::derive_http_status(input);
/// assert!(!output.is_empty());
/// ```
pub fn derive_http_status(input: TokenStream) -> TokenStream {
    expand::derive_tokens(input)
}

/// The messages of the `compile_error!`s in a derive's output, in order, however deep they sit:
/// what a user reads, without rustc's rendering.
///
/// ```
/// # use std::str::FromStr;
/// let input = proc_macro2::TokenStream::from_str("#[status(404, detial = hidden)] struct Missing;").unwrap();
/// let messages = status_derive_internals::compile_error_messages(
///     status_derive_internals::derive_http_status(input),
/// );
/// assert_eq!(messages.len(), 1);
/// assert!(messages[0].contains("did you mean `detail`?"));
/// ```
pub fn compile_error_messages(output: TokenStream) -> Vec<String> {
    let mut messages = Vec::new();
    push_compile_error_messages(output, &mut messages);
    messages
}

fn push_compile_error_messages(output: TokenStream, messages: &mut Vec<String>) {
    let tokens: Vec<TokenTree> = output.into_iter().collect();
    for (i, token) in tokens.iter().enumerate() {
        match token {
            // `compile_error`, `!`, then the group that holds the message.
            TokenTree::Ident(ident) if ident == "compile_error" => {
                let Some(TokenTree::Group(group)) = tokens.get(i + 2) else {
                    continue;
                };
                if let Ok(literal) = syn::parse2::<syn::LitStr>(group.stream()) {
                    messages.push(literal.value());
                }
            }
            TokenTree::Group(group) => push_compile_error_messages(group.stream(), messages),
            _ => {}
        }
    }
}

/// The keys `#[status(...)]` accepts, from the parser's own table: what generators of
/// attributes draw from.
///
/// ```
/// assert!(status_derive_internals::status_keys().contains(&"location"));
/// ```
pub fn status_keys() -> Vec<&'static str> {
    attr::key_names().collect()
}
