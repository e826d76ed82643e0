//! Collects every error of one input, so that a single compile shows all of them.

use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt::Display;

use proc_macro2::{Ident, Span, TokenStream, TokenTree};
use quote::ToTokens;

#[derive(Default)]
pub struct Ctxt {
    errors: RefCell<Vec<syn::Error>>,
    // An enum-level default is checked once per variant that uses it; the same message on the
    // same attribute is reported once.
    reported: RefCell<HashSet<String>>,
}

impl Ctxt {
    pub fn error(&self, span: Span, message: impl Display) {
        self.errors
            .borrow_mut()
            .push(syn::Error::new(span, message));
    }

    pub fn error_spanned_by(&self, tokens: impl ToTokens, message: impl Display) {
        self.errors
            .borrow_mut()
            .push(syn::Error::new_spanned(tokens, message));
    }

    pub fn syn_error(&self, error: syn::Error) {
        self.errors.borrow_mut().push(error);
    }

    /// Reports `message` unless the same message was already reported under `key` at the same
    /// place: an enum-level default seen again from another variant. The same message at another
    /// place (a second field, a second key) is another mistake, and is reported.
    pub fn error_once(&self, key: &str, span: Span, message: impl Display) {
        let message = message.to_string();
        if self
            .reported
            .borrow_mut()
            .insert(format!("{key}\u{0}{span:?}\u{0}{message}"))
        {
            self.error(span, message);
        }
    }

    /// `error_once` for a mistake that spans tokens from `start` to `end`, such as `-404`.
    pub fn error_once_between(&self, key: &str, start: Span, end: Span, message: impl Display) {
        let message = message.to_string();
        if self
            .reported
            .borrow_mut()
            .insert(format!("{key}\u{0}{start:?}\u{0}{message}"))
        {
            // syn reports an error over tokens from the first one's start to the last one's end.
            let tokens: TokenStream = [start, end]
                .into_iter()
                .map(|span| TokenTree::Ident(Ident::new("x", span)))
                .collect();
            self.error_spanned_by(tokens, message);
        }
    }

    /// How many errors were reported so far: a pass compares counts to tell whether the
    /// input it just parsed was malformed.
    pub fn error_count(&self) -> usize {
        self.errors.borrow().len()
    }

    /// All errors combined into one, or `Ok` if there were none.
    pub fn check(self) -> syn::Result<()> {
        let mut errors = self.errors.into_inner().into_iter();
        let Some(mut combined) = errors.next() else {
            return Ok(());
        };
        for error in errors {
            combined.combine(error);
        }
        Err(combined)
    }
}
