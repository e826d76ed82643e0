//! The formats a [`ResponseContext`] negotiates, in the documents built inside
//! [`ResponseContext::document`].

use std::cell::RefCell;

use crate::ResponseContext;
use crate::format::{ProblemJson, ResponseFormat};

thread_local! {
    /// The context whose formats the responses built on this thread document, while
    /// [`ResponseContext::document`] runs.
    static DOCUMENTING: RefCell<Option<ResponseContext>> = const { RefCell::new(None) };
}

/// The context being documented on this thread, if any.
pub(super) fn current() -> Option<ResponseContext> {
    DOCUMENTING.with(|documenting| documenting.borrow().clone())
}

/// Puts the previous context back when `document` returns, or unwinds.
struct Restore(Option<ResponseContext>);

impl Drop for Restore {
    fn drop(&mut self) {
        let previous = self.0.take();
        DOCUMENTING.with(|documenting| *documenting.borrow_mut() = previous);
    }
}

impl ResponseContext {
    /// Runs `build` (which builds an OpenAPI document: with aide, the whole router, from
    /// `ApiRouter::new()` to `finish_api`, since aide reads the handlers' types as each route is
    /// added; with utoipa, `OpenApi::openapi()`) so that every response of a derived type it
    /// documents lists what
    /// this context can send: beside the type's own format, RFC 9457 JSON and each format
    /// offered (an HTML page, by default), each with its schema; and `instance`, which the
    /// request's id fills in. Documents built outside list the type's own format only.
    ///
    /// ```
    /// use status_core::openapi::Responses;
    /// use status_core::{HttpStatus, ResponseContext};
    ///
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// #[error("book {0} does not exist")]
    /// #[status(404)]
    /// struct BookNotFound(u64);
    ///
    /// let alone = Responses::of::<BookNotFound>().to_json();
    /// assert_eq!(alone["404"]["content"].as_object().unwrap().len(), 1);
    ///
    /// let in_context = ResponseContext::new().document(|| Responses::of::<BookNotFound>().to_json());
    /// let content = &in_context["404"]["content"];
    /// assert!(content["application/problem+json"]["schema"]["properties"]["instance"].is_object());
    /// assert_eq!(content["text/html; charset=utf-8"]["schema"]["type"], "string");
    /// ```
    pub fn document<R>(&self, build: impl FnOnce() -> R) -> R {
        let previous = DOCUMENTING.with(|documenting| documenting.replace(Some(self.clone())));
        let _restore = Restore(previous);
        build()
    }
}

/// The formats a problem of a type whose format is `own` is sent in: its own (RFC 9457 JSON
/// when it names none), then, in `context`, the context's default for types that name none, RFC
/// 9457 JSON, and each format offered; each media type once.
pub(super) fn problem_formats<'a>(
    own: Option<&'static dyn ResponseFormat>,
    context: Option<&'a ResponseContext>,
) -> Vec<&'a dyn ResponseFormat> {
    let mut formats: Vec<&'a dyn ResponseFormat> = Vec::new();
    let mut push = |format: &'a dyn ResponseFormat| {
        if !formats
            .iter()
            .any(|known| known.media_type() == format.media_type())
        {
            formats.push(format);
        }
    };
    match (own, context) {
        (Some(own), _) => push(own),
        (None, Some(context)) => push(context.default_format_or(&ProblemJson)),
        (None, None) => push(&ProblemJson),
    }
    if let Some(context) = context {
        push(&ProblemJson);
        for format in context.offered_formats() {
            push(format);
        }
    }
    formats
}
