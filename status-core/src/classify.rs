//! Ready-made classifiers for status sets: where the status of a foreign error depends on its
//! value and the mapping is not a matter of taste.
//!
//! A variant declares every status it may answer and the function that picks one at run time;
//! the derive checks each status of the set against every rule, as if it were a variant's own,
//! and lists each in [`contracts()`](crate::HttpStatus::contracts):
//!
//! ```
//! use status_core::{HttpStatus, ProblemDetails};
//!
//! #[derive(Debug, thiserror::Error, HttpStatus)]
//! enum BookError {
//!     #[error("the book is not valid JSON: {0}")]
//!     #[status(400 | 422 | 500, classify = status_core::classify::json_error)]
//!     Json(#[from] serde_json::Error),
//! }
//!
//! let syntax = serde_json::from_str::<Vec<u32>>("[1,").unwrap_err();
//! assert_eq!(BookError::from(syntax).status(), 400);
//! let shape = serde_json::from_str::<u32>("\"seven\"").unwrap_err();
//! let response = BookError::from(shape).to_response();
//! assert_eq!(response.status(), 422);
//! let problem: ProblemDetails = serde_json::from_slice(response.body()).unwrap();
//! assert_eq!(
//!     problem.detail.as_deref(),
//!     Some("the book is not valid JSON: invalid type: string \"seven\", expected u32 at line 1 column 7")
//! );
//!
//! let statuses: Vec<u16> = BookError::contracts()
//!     .iter()
//!     .flat_map(|entry| entry.resolve())
//!     .map(|contract| contract.status.as_u16())
//!     .collect();
//! assert_eq!(statuses, [400, 422, 500]);
//! ```
//!
//! A classifier of your own is a `fn(&E) -> StatusCode`. One that answers a status outside its
//! variant's set gets the documented fallback: [`status()`](crate::HttpStatus::status) is 500,
//! [`try_to_response()`](crate::HttpStatus::try_to_response) says
//! [`ResponseBuildError::OutsideStatusSet`](crate::ResponseBuildError::OutsideStatusSet), and
//! [`to_response()`](crate::HttpStatus::to_response) answers the bare 500 of
//! [`fallback_response()`](crate::fallback_response).

use http::StatusCode;

/// The status of a `serde_json::Error`, by its category: 400 Bad Request for input that is not
/// JSON (a syntax error, or the input ending early), 422 Unprocessable Content for JSON of the
/// wrong shape (a missing field, a string for a number: RFC 9110 §15.5.21), 500 for a failure
/// to read or write (I/O). Its status set is `400 | 422 | 500`.
///
/// ```
/// use status_core::classify::json_error;
///
/// let status = |text: &str| json_error(&serde_json::from_str::<Vec<u8>>(text).unwrap_err());
/// assert_eq!(status("[1,"), 400);
/// assert_eq!(status("[1 2]"), 400);
/// assert_eq!(status("[300]"), 422);
/// assert_eq!(status("{}"), 422);
/// ```
pub fn json_error(error: &serde_json::Error) -> StatusCode {
    match error.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            StatusCode::BAD_REQUEST
        }
        serde_json::error::Category::Data => StatusCode::UNPROCESSABLE_ENTITY,
        serde_json::error::Category::Io => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// The status of one of axum's extractor rejections (`JsonRejection`, `FormRejection`,
/// `QueryRejection`, `PathRejection`), for an error enum that holds one: 400 malformed, 413 over
/// the body limit, 415 the wrong content type, 422 well-formed but of the wrong shape, 500 an
/// extractor that does not fit its route. Its status set is `400 | 413 | 415 | 422 | 500`. (The
/// drop-in extractors of [`extract::axum`](crate::extract::axum) answer these as a
/// [`Rejection`](crate::Rejection) without an enum of yours.)
///
/// ```
/// use axum::extract::rejection::JsonRejection;
/// use status_core::HttpStatus;
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// enum ApiError {
///     #[error("{0}")]
///     #[status(400 | 413 | 415 | 422 | 500, classify = status_core::classify::axum_rejection)]
///     Body(#[from] JsonRejection),
/// }
///
/// let missing = JsonRejection::from(axum::extract::rejection::MissingJsonContentType::default());
/// assert_eq!(ApiError::from(missing).status(), 415);
/// ```
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub fn axum_rejection<R: AxumRejection>(rejection: &R) -> StatusCode {
    crate::Rejection::nearest(rejection.status())
}

/// One of axum's extractor rejections, as [`axum_rejection`] reads it; implemented for
/// `JsonRejection`, `FormRejection`, `QueryRejection` and `PathRejection`, and sealed.
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub trait AxumRejection: sealed::Sealed {
    /// The status axum gives it.
    fn status(&self) -> StatusCode;
}

#[cfg(feature = "axum")]
macro_rules! axum_rejections {
    ($($rejection:ty),*) => {$(
        impl sealed::Sealed for $rejection {}
        impl AxumRejection for $rejection {
            fn status(&self) -> StatusCode {
                <$rejection>::status(self)
            }
        }
    )*};
}

#[cfg(feature = "axum")]
axum_rejections!(
    axum::extract::rejection::JsonRejection,
    axum::extract::rejection::FormRejection,
    axum::extract::rejection::QueryRejection,
    axum::extract::rejection::PathRejection
);

/// The status of one of actix-web's extractor errors (`JsonPayloadError`, `UrlencodedError`,
/// `QueryPayloadError`, `PathError`), as the drop-in extractors of
/// [`extract::actix_web`](crate::extract::actix_web) answer it: 400 malformed, 411 no length,
/// 413 over the limit, 415 the wrong content type, 422 a body of the wrong shape, 500 a failure
/// to write. Its status set is `400 | 411 | 413 | 415 | 422 | 500`.
///
/// ```
/// use actix_web::error::JsonPayloadError;
/// use status_core::classify::actix_web_error;
///
/// assert_eq!(actix_web_error(&JsonPayloadError::ContentType), 415);
/// let shape = serde_json::from_str::<u8>("true").unwrap_err();
/// assert_eq!(actix_web_error(&JsonPayloadError::Deserialize(shape)), 422);
/// ```
#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub fn actix_web_error<E: ActixWebError>(error: &E) -> StatusCode {
    crate::Rejection::nearest(error.status())
}

/// One of actix-web's extractor errors, as [`actix_web_error`] reads it; implemented for
/// `JsonPayloadError`, `UrlencodedError`, `QueryPayloadError` and `PathError`, and sealed.
#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub trait ActixWebError: sealed::Sealed {
    /// The status it answers.
    fn status(&self) -> StatusCode;
}

#[cfg(feature = "actix-web")]
macro_rules! actix_web_errors {
    ($($error:ty => $status:path),*) => {$(
        impl sealed::Sealed for $error {}
        impl ActixWebError for $error {
            fn status(&self) -> StatusCode {
                $status(self)
            }
        }
    )*};
}

#[cfg(feature = "actix-web")]
actix_web_errors!(
    actix_web::error::JsonPayloadError => crate::extract::actix_web::json_status,
    actix_web::error::UrlencodedError => crate::extract::actix_web::form_status,
    actix_web::error::QueryPayloadError => crate::extract::actix_web::bad_request,
    actix_web::error::PathError => crate::extract::actix_web::bad_request
);

#[cfg(any(feature = "axum", feature = "actix-web"))]
mod sealed {
    pub trait Sealed {}
}
