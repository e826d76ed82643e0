//! Web framework integrations, each behind a cargo feature.
//!
//! The orphan rule forbids `impl IntoResponse for T where T: HttpStatus` in this crate, so the
//! derive writes the impls into the user's crate: every derived type gets a call to
//! [`__integrations!`](crate::__integrations), which expands to the impls of the features that
//! are on in `status-core`, and to nothing for the others. A user turns a framework on with one
//! feature and writes nothing else.
//!
//! | feature | what every derived type gets |
//! |---|---|
//! | `axum` | `axum::response::IntoResponse` |
//! | `actix-web` | `actix_web::ResponseError` |
//! | `aide` | `aide::OperationOutput`: every status of the type in the handler's documented responses |
//! | `utoipa`, `utoipa5` | `utoipa::IntoResponses` (utoipa 6, utoipa 5): `#[utoipa::path(responses(..., MyError))]` |
//! | `tower` | nothing per type: [`ResponseContext`](crate::ResponseContext) is a tower `Layer` |
//! | `tracing` | the integrations log each 5xx they send (error, with the `source()` chain) and each 4xx (debug), or at the level a variant names (`log = warn`) |

#[cfg(feature = "actix-web")]
pub mod actix_web;
#[cfg(feature = "aide")]
pub mod aide;
#[cfg(feature = "axum")]
pub mod axum;
pub mod log;
#[cfg(feature = "tower")]
pub mod tower;
#[cfg(any(feature = "utoipa", feature = "utoipa5"))]
pub mod utoipa;

/// The response an integration sends for `value`: its own, or the fallback 500 when a value taken
/// from a field cannot go on the wire; logged once, here.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) fn response_of<T: crate::HttpStatus + ?Sized>(
    value: &T,
    report: Report<'_>,
) -> http::Response<bytes::Bytes> {
    let (response, build_error) = match value.try_to_response() {
        Ok(response) => (response, None),
        Err(error) => (value.fallback_response(), Some(error)),
    };
    log::response(response.status(), || value.contract(), report, build_error);
    response
}

/// Whether a response with `status` states its length: every status with content, and 205,
/// whose `Content-Length: 0` says it has none (RFC 9110 §15.3.6). 1xx, 204 and 304 state none
/// (RFC 9110 §8.6).
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) fn states_length(status: http::StatusCode) -> bool {
    status_codes::without_content(status.as_u16()).is_none_or(|without| without.content_length_zero)
}

/// How an integration can describe an error in its log: as an error with its `source()` chain,
/// as `Display`, or not at all. The derive picks the richest one the type allows at compile time
/// (by autoref specialization: `(&&&Reported(value)).report()`).
#[derive(Clone, Copy)]
pub enum Report<'a> {
    /// A `std::error::Error`, whose sources are logged too.
    Error(&'a (dyn std::error::Error + 'a)),
    /// A value with `Display` only.
    Display(&'a (dyn std::fmt::Display + 'a)),
    /// Neither: only its status and contract are logged.
    Opaque,
}

/// A value to report on; see [`Report`].
pub struct Reported<'a, T: ?Sized>(pub &'a T);

/// The first choice: `T` is an error.
pub trait ReportError<'a> {
    /// The report on the value.
    fn report(&self) -> Report<'a>;
}

impl<'a, T: std::error::Error> ReportError<'a> for &&Reported<'a, T> {
    fn report(&self) -> Report<'a> {
        Report::Error(self.0)
    }
}

/// The second choice: `T` has `Display`.
pub trait ReportDisplay<'a> {
    /// The report on the value.
    fn report(&self) -> Report<'a>;
}

impl<'a, T: std::fmt::Display> ReportDisplay<'a> for &Reported<'a, T> {
    fn report(&self) -> Report<'a> {
        Report::Display(self.0)
    }
}

/// The last choice: nothing to say.
pub trait ReportOpaque<'a> {
    /// The report on the value.
    fn report(&self) -> Report<'a>;
}

impl<'a, T: ?Sized> ReportOpaque<'a> for Reported<'a, T> {
    fn report(&self) -> Report<'a> {
        Report::Opaque
    }
}

/// Expands, for one derived type, to the impls of the integrations whose features are on.
/// Called by `#[derive(HttpStatus)]`; not public API.
#[doc(hidden)]
#[macro_export]
macro_rules! __integrations {
    ([$($generics:tt)*] [$($ty:tt)*] [$($where:tt)*]) => {
        $crate::__axum_integration!([$($generics)*] [$($ty)*] [$($where)*]);
        $crate::__aide_integration!([$($generics)*] [$($ty)*] [$($where)*]);
        $crate::__utoipa_integration!([$($generics)*] [$($ty)*] [$($where)*]);
        $crate::__utoipa5_integration!([$($generics)*] [$($ty)*] [$($where)*]);
        $crate::__actix_web_integration!([$($generics)*] [$($ty)*] [$($where)*]);
    };
}

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __axum_integration {
    ($($tokens:tt)*) => {};
}

#[cfg(not(feature = "aide"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __aide_integration {
    ($($tokens:tt)*) => {};
}

#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __utoipa_integration {
    ($($tokens:tt)*) => {};
}

#[cfg(not(feature = "utoipa5"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __utoipa5_integration {
    ($($tokens:tt)*) => {};
}

#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __actix_web_integration {
    ($($tokens:tt)*) => {};
}

/// The report on `$value`, through the richest trait its type has.
#[doc(hidden)]
#[macro_export]
macro_rules! __report {
    ($value:expr) => {{
        #[allow(unused_imports)]
        use $crate::__private::{ReportDisplay as _, ReportError as _, ReportOpaque as _};
        (&&&$crate::__private::Reported($value)).report()
    }};
}
