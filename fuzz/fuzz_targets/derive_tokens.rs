//! The derive over arbitrary source text: whatever the bytes, `#[derive(HttpStatus)]` does not
//! panic, and its output parses as items: the expansion with one impl, or compile errors with
//! one stub impl (`status_derive_internals::property`).
//!
//! Text that parses as a Rust file has each of its structs and enums derived (so the UI cases in
//! `tests/ui/` are seeds as they are); any other text that lexes is derived whole.
#![no_main]

use std::str::FromStr;

use libfuzzer_sys::fuzz_target;
use proc_macro2::TokenStream;
use quote::ToTokens;
use status_derive_internals::property;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(tokens) = TokenStream::from_str(text) else {
        return;
    };
    let inputs: Vec<TokenStream> = match syn::parse2::<syn::File>(tokens.clone()) {
        Ok(file) => file
            .items
            .into_iter()
            .filter_map(|item| match item {
                syn::Item::Struct(item) => Some(item.into_token_stream()),
                syn::Item::Enum(item) => Some(item.into_token_stream()),
                _ => None,
            })
            .collect(),
        Err(_) => vec![tokens],
    };
    for input in inputs {
        if let Err(violation) = property::check(&input) {
            panic!("{violation}\n--- input ---\n{input}");
        }
    }
});
