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

    /// Reports `message` unless the same message was already reported in `scope` at the same
    /// place: an enum-level default seen again from another variant. The same message at another
    /// place (a second field, a second key) is another mistake, and is reported.
    /// Whether it was reported.
    pub fn error_once(&self, scope: &str, span: Span, message: impl Display) -> bool {
        let message = message.to_string();
        let new = self
            .reported
            .borrow_mut()
            .insert(format!("{scope}\u{0}{span:?}\u{0}{message}"));
        if new {
            self.error(span, message);
        }
        new
    }

    /// `error_once` for a mistake that spans tokens from `start` to `end`, such as `-404`.
    pub fn error_once_between(
        &self,
        scope: &str,
        start: Span,
        end: Span,
        message: impl Display,
    ) -> bool {
        let message = message.to_string();
        let new = self
            .reported
            .borrow_mut()
            .insert(format!("{scope}\u{0}{start:?}\u{0}{message}"));
        if new {
            // syn reports an error over tokens from the first one's start to the last one's end.
            let tokens: TokenStream = [start, end]
                .into_iter()
                .map(|span| TokenTree::Ident(Ident::new("x", span)))
                .collect();
            self.error_spanned_by(tokens, message);
        }
        new
    }

    /// Runs `pass` with a context of its own, then adds the errors it reported to this one, and
    /// says whether there were any: how a parse tells that the input it read was malformed.
    pub fn scoped<T>(&self, pass: impl FnOnce(&Ctxt) -> T) -> (T, bool) {
        let inner = Ctxt::default();
        let value = pass(&inner);
        let errors = inner.errors.into_inner();
        let malformed = !errors.is_empty();
        self.errors.borrow_mut().extend(errors);
        (value, malformed)
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
