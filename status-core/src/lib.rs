//! Turn domain errors into HTTP responses that get HTTP right by construction.
//!
//! `#[derive(HttpStatus)]` maps each variant of an error enum (or a struct) to a status code and
//! the header fields that code needs, and rejects at compile time contracts that break HTTP: a
//! body on 204 or 304, a redirect without `Location`, a 401 without a `WWW-Authenticate`
//! challenge, a 405 without `Allow`, a 1xx as a final response, malformed static header values.
//! At run time, [`HttpStatus::to_response`] builds the `http::Response`: the status, the header
//! fields, and an RFC 9457 problem-details body where HTTP allows one.
//!
//! ```
//! use status_core::{HttpStatus, ProblemDetails};
//!
//! #[derive(Debug, thiserror::Error, HttpStatus)]
//! pub enum OrderError {
//!     #[error("order {id} does not exist")]
//!     #[status(404)]
//!     NotFound { id: u64 },
//!
//!     #[error("order placed")]
//!     #[status(303, location = "/order-result/{id}")]
//!     Placed { id: u64 },
//!
//!     #[error("storage failed")]
//!     #[status(500)]
//!     Storage(#[source] std::io::Error),
//! }
//!
//! let response = OrderError::NotFound { id: 7 }.to_response();
//! assert_eq!(response.status(), 404);
//! assert_eq!(response.headers()["content-type"], "application/problem+json");
//! let problem: ProblemDetails = serde_json::from_slice(response.body()).unwrap();
//! assert_eq!(problem.detail.as_deref(), Some("order 7 does not exist"));
//!
//! let response = OrderError::Placed { id: 7 }.to_response();
//! assert_eq!(response.status(), 303);
//! assert_eq!(response.headers()["location"], "/order-result/7");
//!
//! // A 5xx never shows its internals to the client.
//! let response = OrderError::Storage(std::io::Error::other("disk /dev/sda1 full")).to_response();
//! assert!(!String::from_utf8_lossy(response.body()).contains("sda1"));
//! ```
//!
//! The attribute language, the rules it enforces and their RFC sections are documented on the
//! [`HttpStatus`](derive@HttpStatus) derive.
#![forbid(unsafe_code)]
#![warn(missing_docs)]
// docs.rs (nightly, `--cfg docsrs`) marks each integration's items with the feature they need.
#![cfg_attr(docsrs, feature(doc_cfg))]

// Generated code names `::status_core`, also inside this crate's own tests.
extern crate self as status_core;

/// The crate's README, whose examples run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

mod body;
pub mod classify;
mod conceal;
mod context;
mod contract;
mod contract_table;
#[cfg(any(feature = "axum", feature = "actix-web"))]
#[cfg_attr(docsrs, doc(cfg(any(feature = "axum", feature = "actix-web"))))]
pub mod extract;
pub mod format;
mod header;
mod integration;
pub mod openapi;
mod problem;
mod rejection;
mod response;
mod retry_after;
mod semantics;

use http::{Response, StatusCode};

pub use body::{Html, Json, ResponseBody};
pub use conceal::{DistinguishableConceal, check_concealment};
pub use context::{RequestContext, ResponseContext};
pub use contract::{
    BodyContract, Contract, DetailSource, HeaderContract, HeaderSource, LogLevel, ProblemContract,
    VariantContract,
};
pub use header::{HeaderFieldValue, InvalidFieldValue, is_valid_field_value};
#[cfg(feature = "actix-web")]
pub use integration::actix_web::{ActixResponse, ResponseContextMiddleware};
#[cfg(feature = "tower")]
pub use integration::tower::{ContextBody, ResponseContextService};
pub use problem::{ExtensionMember, PROBLEM_JSON, ProblemDetails};
pub use rejection::Rejection;
pub use response::{FallbackResponse, ReasonPhrase, ResponseBuildError, fallback_response};
pub use retry_after::{RetryAfter, RetryAfterValue};
pub use semantics::{Redirect, RedirectMethod, Retry, RetryAdvice, StatusClass, StatusSemantics};
pub use status_codes;

/// The derive; see the crate documentation and `status_derive` for the attribute language.
pub use status_derive::HttpStatus;

/// The body type of the responses built here: cheap to clone, and what hyper, axum and tower
/// carry.
pub use bytes::Bytes;

/// The `http` crate this one builds on, so that users and generated code name the same version.
pub use http;

/// A value that answers an HTTP request with a status code, header fields and a body.
///
/// Derive it with `#[derive(HttpStatus)]`; implementing it by hand is possible but loses the
/// compile-time checks.
///
/// ```
/// use status_core::{HttpStatus, ResponseBuildError};
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// enum EventError {
///     #[error("the event moved to {target}")]
///     #[status(301)]
///     Moved {
///         #[location]
///         target: String,
///     },
/// }
///
/// let moved = EventError::Moved { target: "/new-event".into() };
/// assert_eq!(moved.status(), 301);
/// assert_eq!(moved.contract().reason, "Moved Permanently");
/// let response = moved.try_to_response()?;
/// assert_eq!(response.headers()["location"], "/new-event");
///
/// // A target with a line break would split the response: it never reaches the wire.
/// let split = EventError::Moved { target: "/x\r\nSet-Cookie: a=b".into() };
/// assert_eq!(split.try_to_response().unwrap_err(), ResponseBuildError::InvalidHeader { name: "location" });
/// assert_eq!(split.to_response().status(), 500);
/// # Ok::<(), ResponseBuildError>(())
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not say which HTTP response it is",
    label = "`{Self}` does not implement `HttpStatus`",
    note = "derive `HttpStatus` for `{Self}` with a `#[status(...)]`; for a type of another crate, give the variant that holds it a status of its own instead of `transparent`, or a status set whose classifier picks one (`#[status(400 | 500, classify = ...)]`)"
)]
pub trait HttpStatus {
    /// The status code the client receives.
    fn status(&self) -> StatusCode;

    /// The contract this value answers with. Derived types decode their contract table on the
    /// first call (once per type, kept for the program's life); later calls read it.
    fn contract(&self) -> &'static Contract;

    /// The contracts of every variant, in declaration order.
    fn contracts() -> &'static [VariantContract]
    where
        Self: Sized;

    /// Builds the response, or says which value taken from a field cannot go on the wire.
    fn try_to_response(&self) -> Result<Response<Bytes>, ResponseBuildError>;

    /// Builds the response; if a value taken from a field cannot go on the wire, answers with
    /// [`HttpStatus::fallback_response`] instead (a 500 problem without detail).
    fn to_response(&self) -> Response<Bytes> {
        match self.try_to_response() {
            Ok(response) => response,
            Err(_) => self.fallback_response(),
        }
    }

    /// What this type answers when its own response cannot be built: the crate's
    /// [`fallback_response`], in the type's format when it names one (`#[status(format = ...)]`).
    ///
    /// ```
    /// use status_core::HttpStatus;
    ///
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// #[error("no such book")]
    /// #[status(404, format = status_core::format::HtmlPage)]
    /// struct BookNotFound;
    ///
    /// let fallback = BookNotFound.fallback_response();
    /// assert_eq!(fallback.status(), 500);
    /// assert_eq!(fallback.headers()["content-type"], "text/html; charset=utf-8");
    /// ```
    fn fallback_response(&self) -> Response<Bytes> {
        fallback_response().into_inner()
    }

    /// The format this type writes its problems in when it names one
    /// (`#[status(format = ...)]`); `None` for RFC 9457 JSON (or the [`ResponseContext`]'s
    /// default format). OpenAPI documents read it.
    ///
    /// ```
    /// use status_core::HttpStatus;
    ///
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// #[error("no such book")]
    /// #[status(404, format = status_core::format::HtmlPage)]
    /// struct BookNotFound;
    ///
    /// let format = BookNotFound::format().map(|format| format.media_type());
    /// assert_eq!(format, Some("text/html; charset=utf-8"));
    /// ```
    fn format() -> Option<&'static dyn format::ResponseFormat>
    where
        Self: Sized,
    {
        None
    }
}

/// A boxed value answers as the value inside it, so that `#[status(transparent)]` works over
/// `Box<Inner>` (a large error kept small in its enum).
///
/// ```
/// use status_core::HttpStatus;
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// #[error("the card was declined")]
/// #[status(409)]
/// struct Declined;
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// enum OrderError {
///     #[error(transparent)]
///     #[status(transparent)]
///     Payment(Box<Declined>),
/// }
///
/// assert_eq!(OrderError::Payment(Box::new(Declined)).status(), 409);
/// ```
impl<T: HttpStatus> HttpStatus for Box<T> {
    fn status(&self) -> StatusCode {
        T::status(self)
    }

    fn contract(&self) -> &'static Contract {
        T::contract(self)
    }

    fn contracts() -> &'static [VariantContract] {
        T::contracts()
    }

    fn try_to_response(&self) -> Result<Response<Bytes>, ResponseBuildError> {
        T::try_to_response(self)
    }

    fn fallback_response(&self) -> Response<Bytes> {
        T::fallback_response(self)
    }

    fn format() -> Option<&'static dyn format::ResponseFormat> {
        T::format()
    }
}

/// Items the derive's generated code uses. Not public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::conceal::{ConcealMessage, Wire, WireAnswer, WireEntry, conceal_verdict};
    pub use crate::contract_table::{ContractTable, Contracts, FormatOf};
    #[cfg(feature = "aide")]
    pub use crate::integration::aide::inferred_responses as aide_responses;
    #[cfg(feature = "axum")]
    pub use crate::integration::axum;
    pub use crate::integration::log;
    #[cfg(feature = "utoipa5")]
    pub use crate::integration::utoipa::v5::responses as utoipa5_responses;
    #[cfg(feature = "utoipa")]
    pub use crate::integration::utoipa::v6::responses as utoipa_responses;
    pub use crate::integration::{Report, ReportDisplay, ReportError, ReportOpaque, Reported};
    pub use crate::problem::ProblemWriter;
    pub use crate::response::{LocationTemplate, ResponseParts};
    #[cfg(feature = "actix-web")]
    pub use ::actix_web;
    #[cfg(feature = "aide")]
    pub use ::aide;
    #[cfg(feature = "axum")]
    pub use ::axum_core;
    #[cfg(feature = "utoipa")]
    pub use ::utoipa;
    #[cfg(feature = "utoipa5")]
    pub use ::utoipa5;
    pub use bytes::Bytes;

    /// A status code the derive has range-checked; 500 is only a formality for the type system.
    pub const fn status_code(code: u16) -> http::StatusCode {
        match http::StatusCode::from_u16(code) {
            Ok(status) => status,
            Err(_) => http::StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The status a variant's classifier picked, as the number its status set is matched on.
    #[inline]
    pub fn classified(status: http::StatusCode) -> u16 {
        status.as_u16()
    }

    /// A response without content or header fields (`ResponseParts` for the common case).
    #[inline]
    pub fn empty(
        status: http::StatusCode,
    ) -> Result<http::Response<Bytes>, crate::ResponseBuildError> {
        Ok(ResponseParts::new(status).empty())
    }

    /// A problem whose members are all in `prefix`, without header fields.
    #[inline]
    pub fn problem(
        status: http::StatusCode,
        prefix: &'static str,
    ) -> Result<http::Response<Bytes>, crate::ResponseBuildError> {
        Ok(ResponseParts::new(status).problem(ProblemWriter::new(prefix).finish()))
    }

    /// What a type whose problem `detail` is its `Display` output needs: `Display`, named so
    /// that the compiler's error says why, and what else would do.
    #[diagnostic::on_unimplemented(
        message = "`{Self}` doesn't implement `std::fmt::Display`, which its problem's `detail` is written from",
        label = "a 4xx (or `detail = display`) sends its `Display` output as the problem's `detail` (RFC 9457 §3.1.4)",
        note = "implement `Display` (thiserror's `#[error(\"...\")]` does), or write `detail = hidden` or `detail = \"a fixed text\"` in `#[status(...)]`"
    )]
    pub trait DisplayDetail: core::fmt::Display {}

    impl<D: core::fmt::Display + ?Sized> DisplayDetail for D {}

    /// A problem with a `detail` from `Display`, without header fields.
    #[inline]
    pub fn problem_with_display<D: DisplayDetail + ?Sized>(
        status: http::StatusCode,
        prefix: &'static str,
        detail: &D,
    ) -> Result<http::Response<Bytes>, crate::ResponseBuildError> {
        let mut problem = ProblemWriter::new(prefix);
        problem.detail(detail)?;
        Ok(ResponseParts::new(status).problem(problem.finish()))
    }

    /// Every registered status code as a constant named as `#[status(NAME)]` names it, from
    /// the one registry: the derive's generated code names its statuses with these (a constant
    /// costs a build less to check than a `const` block or an index into a table).
    pub mod code {
        macro_rules! constants {
            ($(($code:literal, $name:ident))*) => {
                $(pub const $name: http::StatusCode = super::status_code($code);)*
            };
        }
        status_codes::for_each_registered!(constants);
    }

    /// Status code `N` as a constant, for the codes IANA does not register (`499`); `N` is
    /// range-checked by the derive.
    pub struct Code<const N: u16>;

    impl<const N: u16> Code<N> {
        pub const STATUS: http::StatusCode = status_code(N);
    }

    /// The response of a type that names its format: written in `format`, with the RFC 9457
    /// document beside it (`#[status(format = ...)]`).
    #[inline]
    pub fn in_format(
        format: &'static dyn crate::format::ResponseFormat,
        response: Result<http::Response<Bytes>, crate::ResponseBuildError>,
    ) -> Result<http::Response<Bytes>, crate::ResponseBuildError> {
        response.map(|response| crate::format::in_format(format, response))
    }

    /// The fallback 500 of a type that names its format, in that format.
    #[cold]
    pub fn fallback_in_format(
        format: &'static dyn crate::format::ResponseFormat,
    ) -> http::Response<Bytes> {
        crate::format::in_format(format, crate::fallback_response().into_inner())
    }

    /// The body of the stub impl the derive emits next to a compile error; it never runs,
    /// because the crate that contains it does not compile.
    pub fn unreachable_stub() -> ! {
        unreachable!("#[derive(HttpStatus)] reported a compile error for this type")
    }
}
