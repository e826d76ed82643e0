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
