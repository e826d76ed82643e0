//! RFC 9457 problem details: the document clients read, and the writer the derive calls.

use std::cell::Cell;
use std::fmt::{self, Display};

use bytes::Bytes;
use serde::{Deserialize, Serialize, Serializer as _};

use crate::ResponseBuildError;

/// The media type of a problem-details document (RFC 9457 §3).
///
/// ```
/// use status_core::{HttpStatus, PROBLEM_JSON};
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// #[error("no such order")]
/// #[status(404)]
/// struct NotFound;
///
/// assert_eq!(NotFound.to_response().headers()["content-type"], PROBLEM_JSON);
/// ```
pub const PROBLEM_JSON: &str = "application/problem+json";

/// A problem-details document (RFC 9457), as a client reads one.
///
/// Responses built by this crate write their problem bodies directly, with the static part
/// prepared at compile time; this type is for the other side of the wire: tests, API clients and
/// documentation.
///
/// ```
/// use status_core::ProblemDetails;
///
/// let body = br#"{"type":"about:blank","title":"Not Found","status":404,"detail":"order 7 does not exist","order_id":7}"#;
/// let problem: ProblemDetails = serde_json::from_slice(body).unwrap();
/// assert_eq!(problem.status, Some(404));
/// assert_eq!(problem.title.as_deref(), Some("Not Found"));
/// assert_eq!(problem.extensions["order_id"], 7);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProblemDetails {
    /// A URI reference that identifies the problem type; `about:blank` when absent (§3.1.1).
    #[serde(rename = "type", default = "about_blank")]
    pub type_uri: String,
    /// A short summary of the problem type (§3.1.3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The status code of the response (§3.1.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// An explanation of this occurrence, for the client (§3.1.4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// A URI reference that identifies this occurrence (§3.1.5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    /// Every other member (§3.2).
    #[serde(flatten)]
    pub extensions: serde_json::Map<String, serde_json::Value>,
}

fn about_blank() -> String {
    "about:blank".to_owned()
}

/// Writes a problem document whose first members (`type`, `title`, `status`, and a static
/// `detail`) were serialized by the derive at compile time.
#[doc(hidden)]
pub struct ProblemWriter {
    json: Vec<u8>,
}

impl ProblemWriter {
    /// `prefix` is an open JSON object without its closing brace.
    #[inline]
    pub fn new(prefix: &'static str) -> Self {
        // Room for a typical one-line `detail` without growing.
        let mut json = Vec::with_capacity(prefix.len() + 96);
        json.extend_from_slice(prefix.as_bytes());
        ProblemWriter { json }
    }

    /// Appends the `detail` member from the error's own `Display` output (`display` under the
    /// bound whose compile error says why `Display` is needed).
    #[inline]
    pub fn detail<D: crate::__private::DisplayDetail + ?Sized>(
        &mut self,
        error: &D,
    ) -> Result<(), ResponseBuildError> {
        self.display(",\"detail\":", error)
    }

    /// Appends a string member from `Display` output; serde_json escapes it as it is written.
    #[inline]
    pub fn display<D: Display + ?Sized>(
        &mut self,
        key: &'static str,
        value: &D,
    ) -> Result<(), ResponseBuildError> {
        self.json.extend_from_slice(key.as_bytes());
        let value = Infallible {
            value,
            failed: Cell::new(false),
        };
        let written = serde_json::Serializer::new(&mut self.json).collect_str(&value);
        if written.is_err() || value.failed.get() {
            return Err(ResponseBuildError::Member {
                name: member_name(key),
            });
        }
        Ok(())
    }

    /// Appends an extension member; `key` is `,"name":`, already escaped.
    #[inline]
    pub fn member<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), ResponseBuildError> {
        self.json.extend_from_slice(key.as_bytes());
        serde_json::to_writer(&mut self.json, value).map_err(|_| ResponseBuildError::Member {
            name: member_name(key),
        })
    }

    /// Closes the object.
    #[inline]
    pub fn finish(mut self) -> Bytes {
        self.json.push(b'}');
        Bytes::from(self.json)
    }
}

/// What an `#[extension]` field's type needs: to be written as JSON, which every
/// `serde::Serialize` type is (and nothing else: the blanket impl is the only one). Named so
/// that the compiler's error for a field without `Serialize` says what the member needs.
///
/// ```
/// use status_core::HttpStatus;
///
/// #[derive(Debug, serde::Serialize)]
/// struct Shelf {
///     aisle: u32,
/// }
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// #[error("the book is not on its shelf")]
/// #[status(409)]
/// struct Misplaced {
///     #[extension]
///     shelf: Shelf,
/// }
///
/// let response = Misplaced { shelf: Shelf { aisle: 4 } }.to_response();
/// assert!(response.body().ends_with(br#","shelf":{"aisle":4}}"#));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not `serde::Serialize`, and an `#[extension]` member is written as JSON",
    label = "this field is an extension member of the problem (RFC 9457 §3.2)",
    note = "derive `serde::Serialize` for `{Self}`, or give the member a type that is `Serialize` (a `String`, a number, a struct of yours)"
)]
pub trait ExtensionMember: Serialize {
    /// Appends `self` to `problem` as the member `key` (`,"name":`, already escaped).
    #[doc(hidden)]
    fn write_member(
        &self,
        problem: &mut ProblemWriter,
        key: &'static str,
    ) -> Result<(), ResponseBuildError> {
        problem.member(key, self)
    }
}

impl<T: Serialize + ?Sized> ExtensionMember for T {}

/// A `Display` whose own failure is recorded instead of returned: serde_json's `collect_str`
/// panics when a `Display` fails on a writer that did not (it expects the writer's I/O error).
struct Infallible<'a, D: ?Sized> {
    value: &'a D,
    failed: Cell<bool>,
}

impl<D: Display + ?Sized> Display for Infallible<'_, D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.value.fmt(f).is_err() {
            self.failed.set(true);
        }
        Ok(())
    }
}

/// `,"name":` back to `name`, for error messages.
fn member_name(key: &'static str) -> &'static str {
    key.strip_prefix(",\"")
        .and_then(|k| k.strip_suffix("\":"))
        .unwrap_or(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_without_a_type_is_about_blank() {
        // RFC 9457 §3.1.1: when the member is absent, its value is assumed to be "about:blank".
        let problem: ProblemDetails = serde_json::from_str(r#"{"status":404}"#).unwrap();
        assert_eq!(problem.type_uri, "about:blank");
    }
}
