//! The arms of a transparent variant, which delegate everything to its field's own `HttpStatus`.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{ToTokens, quote, quote_spanned};
use syn::Type;
use syn::spanned::Spanned;

use super::bounds::Bounds;
use super::{Arms, binding, pattern};
use crate::ast::{Field, Variant};

/// Adds the arms of `variant`, transparent to `field`.
pub fn arms(arms: &mut Arms, variant: &Variant, field: &Field, bounds: &mut Bounds) {
    let ty = field.ty;
    bounds.field(ty, quote!(::status_core::HttpStatus));
    let pat = pattern(variant, &[field]);
    let inner = binding(field);
    let span = ty.span();
    // Every use of the field's type carries one span, so that a type without HttpStatus is one
    // error (rustc merges identical diagnostics), not one per use.
    let respanned = respan(ty.to_token_stream(), span);
    arms.status
        .push(quote_spanned!(span=> #pat => ::status_core::HttpStatus::status(#inner),));
    arms.transparent_contract.push((
        pat.clone(),
        quote_spanned!(span=> ::status_core::HttpStatus::contract(#inner)),
    ));
    arms.response
        .push(quote_spanned!(span=> #pat => ::status_core::HttpStatus::try_to_response(#inner),));
    arms.transparent_contracts.push(quote_spanned!(span=> (
        <#respanned as ::status_core::HttpStatus>::contracts,
        <#respanned as ::status_core::HttpStatus>::format,
    )));
}

/// A type as written: `payment::PaymentError`, not the token printer's `payment :: PaymentError`.
pub fn type_text(ty: &Type) -> String {
    let printed = ty.to_token_stream().to_string();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let mut text = String::with_capacity(printed.len());
    let mut chars = printed.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' {
            let before = text.chars().last();
            let keep = (word(before) && word(chars.peek().copied())) || before == Some(',');
            if !keep {
                continue;
            }
        }
        text.push(c);
    }
    text
}

fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut token| {
            if let TokenTree::Group(group) = &token {
                let mut new =
                    proc_macro2::Group::new(group.delimiter(), respan(group.stream(), span));
                new.set_span(span);
                token = TokenTree::Group(new);
            } else {
                token.set_span(span);
            }
            token
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::type_text;

    fn text(source: &str) -> String {
        type_text(&syn::parse_str(source).unwrap_or_else(|_| syn::parse_quote!(Unparsed)))
    }

    #[test]
    fn a_type_reads_as_written() {
        assert_eq!(text("payment :: PaymentError"), "payment::PaymentError");
        assert_eq!(text("Result<A, B>"), "Result<A, B>");
        assert_eq!(
            text("Box<dyn std::error::Error + Send>"),
            "Box<dyn std::error::Error+Send>"
        );
        assert_eq!(text("&'a Inner"), "&'a Inner");
    }
}
