//! Assembling `http::Response`s, and what happens when a dynamic value is invalid.

use std::fmt;

use bytes::Bytes;
use http::header::{CONNECTION, CONTENT_LENGTH, CONTENT_TYPE, LOCATION, RETRY_AFTER, UPGRADE};
use http::{HeaderMap, HeaderName, HeaderValue, Response, StatusCode};

use crate::header::PercentEncode;
use crate::problem::PROBLEM_JSON;
use crate::{HeaderFieldValue, ResponseBody, RetryAfterValue};

/// Why a response could not be built from an error's fields.
///
/// [`HttpStatus::to_response`](crate::HttpStatus::to_response) answers such an error with
/// [`fallback_response`]; [`HttpStatus::try_to_response`](crate::HttpStatus::try_to_response)
/// returns it so that the caller can log it.
///
/// ```
/// use status_core::{HttpStatus, ResponseBuildError};
///
/// #[derive(Debug, HttpStatus)]
/// #[status(404)]
/// struct Missing {
///     #[header("x-order-id")]
///     order: String,
/// }
/// # impl std::fmt::Display for Missing {
/// #     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str("missing") }
/// # }
///
/// let evil = Missing { order: "1\r\nSet-Cookie: session=stolen".into() };
/// assert_eq!(evil.try_to_response().unwrap_err(), ResponseBuildError::InvalidHeader { name: "x-order-id" });
/// assert_eq!(evil.to_response().status(), 500);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResponseBuildError {
    /// A header value from a field is not a valid field value (control characters such as CR
    /// and LF, non-ASCII bytes, whitespace at either end), not of the field's syntax, or empty
    /// where that syntax needs something (`Location`, `Content-Location`, and every field whose
    /// syntax this library does not know).
    InvalidHeader {
        /// The header field's name.
        name: &'static str,
    },
    /// A header field the status requires came from a field that sent nothing (an `Option`
    /// that was `None`).
    MissingHeader {
        /// The header field's name.
        name: &'static str,
    },
    /// A problem member or a `#[body]` could not be serialized (a failing `Serialize` or
    /// `Display` implementation).
    Member {
        /// The member's name, or the body field's name.
        name: &'static str,
    },
    /// A variant's classifier (`#[status(400 | 422, classify = ...)]`) answered a status its
    /// set does not list.
    OutsideStatusSet {
        /// The status the classifier answered.
        status: u16,
    },
}

impl fmt::Display for ResponseBuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResponseBuildError::InvalidHeader { name } => {
                write!(
                    f,
                    "the value of header field `{name}` is not a valid field value, or not of the field's syntax"
                )
            }
            ResponseBuildError::MissingHeader { name } => {
                write!(
                    f,
                    "the status requires header field `{name}`, and it has no value"
                )
            }
            ResponseBuildError::Member { name } => {
                write!(f, "`{name}` could not be serialized")
            }
            ResponseBuildError::OutsideStatusSet { status } => write!(
                f,
                "the classifier answered {status}, which the variant's status set does not list"
            ),
        }
    }
}

impl std::error::Error for ResponseBuildError {}

const FALLBACK_BODY: &str =
    r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#;

/// The response sent when an error's own response cannot be built: `500 Internal Server Error`
/// with a problem body that says nothing else.
///
/// A value that cannot go on the wire safely (a header with CR or LF, for instance) is a bug on
/// the server's side, so 500 is the honest status; the body keeps the bad value out of the
/// response, and nothing of the error's `Display` is sent.
///
/// ```
/// let response = status_core::fallback_response();
/// assert_eq!(response.status(), 500);
/// assert_eq!(response.headers()["content-type"], "application/problem+json");
/// assert_eq!(response.body().as_ref(), br#"{"type":"about:blank","title":"Internal Server Error","status":500}"#);
/// ```
///
/// It is a response of axum and of actix-web as it is (with their features):
///
/// ```
/// # #[cfg(feature = "axum")] {
/// use axum::{Router, routing::get};
///
/// async fn broken() -> status_core::FallbackResponse {
///     status_core::fallback_response()
/// }
///
/// let app: Router = Router::new().route("/broken", get(broken));
/// # let _ = app;
/// # }
/// ```
#[cold]
#[inline(never)]
pub fn fallback_response() -> FallbackResponse {
    let mut response = Response::new(Bytes::from_static(FALLBACK_BODY.as_bytes()));
    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    FallbackResponse(response)
}

/// The fallback 500 that [`fallback_response`] returns: it reads as the `http::Response` inside
/// it, converts into one ([`FallbackResponse::into_inner`], `From`), and is a response of axum
/// (`IntoResponse`) and actix-web (`Responder`) with their features.
///
/// ```
/// let response: status_core::http::Response<status_core::Bytes> =
///     status_core::fallback_response().into_inner();
/// assert_eq!(response.status(), 500);
/// ```
#[derive(Debug)]
pub struct FallbackResponse(Response<Bytes>);

impl FallbackResponse {
    /// The `http::Response`.
    pub fn into_inner(self) -> Response<Bytes> {
        self.0
    }
}

impl std::ops::Deref for FallbackResponse {
    type Target = Response<Bytes>;

    fn deref(&self) -> &Response<Bytes> {
        &self.0
    }
}

impl From<FallbackResponse> for Response<Bytes> {
    fn from(fallback: FallbackResponse) -> Response<Bytes> {
        fallback.0
    }
}

/// The reason phrase of a status code IANA does not register, as its contract gives it
/// (`reason = "..."`), in the response's extensions.
///
/// `http::Response` has no reason phrase, and servers write the registered phrase or none: a
/// server adapter that can write its own (hyper's `ext::ReasonPhrase`, actix-web's
/// `ResponseHead::reason`) reads it from here. Registered codes carry none.
///
/// ```
/// use status_core::{HttpStatus, ReasonPhrase};
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// #[error("the client went away")]
/// #[status(499, reason = "Client Closed Request")]
/// struct ClientClosed;
///
/// let response = ClientClosed.to_response();
/// assert_eq!(response.extensions().get(), Some(&ReasonPhrase("Client Closed Request")));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReasonPhrase(pub &'static str);

/// The status line and header fields of a response being built by derived code.
#[doc(hidden)]
///
/// It holds the response itself from the start (without its body), so that finishing it only
/// adds the body: one `HeaderMap`, nothing dropped on the way.
pub struct ResponseParts {
    response: Response<()>,
}

impl ResponseParts {
    #[inline]
    pub fn new(status: StatusCode) -> Self {
        let mut response = Response::new(());
        *response.status_mut() = status;
        ResponseParts { response }
    }

    #[inline]
    pub fn with_capacity(status: StatusCode, headers: usize) -> Self {
        let mut parts = ResponseParts::new(status);
        // A first insertion makes room for several fields; reserving pays only beyond that.
        if headers > 4 {
            parts.headers().reserve(headers);
        }
        parts
    }

    #[inline]
    fn headers(&mut self) -> &mut HeaderMap {
        self.response.headers_mut()
    }

    /// A header whose name and value the derive checked at compile time.
    #[inline]
    pub fn fixed(&mut self, name: HeaderName, value: HeaderValue) {
        self.headers().append(name, value);
    }

    /// A header whose value comes from a field; `label` is `name` as a `'static` string. The
    /// value must be a valid field value and have the field's own syntax (a URI reference for
    /// `Location`, a challenge for `WWW-Authenticate`...), as static values do at compile time.
    #[inline]
    pub fn field<V: HeaderFieldValue + ?Sized>(
        &mut self,
        name: HeaderName,
        label: &'static str,
        value: &V,
    ) -> Result<(), ResponseBuildError> {
        let invalid = ResponseBuildError::InvalidHeader { name: label };
        match value.header_value() {
            Ok(Some(value)) if status_codes::syntax::header_value(label, value.as_bytes()) => {
                self.headers().append(name, value);
                Ok(())
            }
            Ok(Some(_)) | Err(_) => Err(invalid),
            Ok(None) => Ok(()),
        }
    }

    /// A header the status requires (RFC 9110 §15.5.2, §15.5.6...), whose source is a field
    /// that may have sent nothing (an `Option` that is `None`).
    #[inline]
    pub fn require(&self, name: HeaderName, label: &'static str) -> Result<(), ResponseBuildError> {
        if self.response.headers().contains_key(name) {
            Ok(())
        } else {
            Err(ResponseBuildError::MissingHeader { name: label })
        }
    }

    /// `Retry-After` from a field.
    #[inline]
    pub fn retry_after<V: RetryAfterValue + ?Sized>(&mut self, value: &V) {
        if let Some(retry_after) = value.retry_after() {
            self.headers()
                .append(RETRY_AFTER, retry_after.to_header_value());
        }
    }

    /// `Location` from a template whose placeholders were percent-encoded.
    #[inline]
    pub fn location(&mut self, location: LocationTemplate) -> Result<(), ResponseBuildError> {
        self.field(LOCATION, "location", location.0.as_str())
    }

    /// `Connection: upgrade` when an `Upgrade` field is present: a sender of Upgrade also sends
    /// the "upgrade" connection option (RFC 9110 §7.8). Both are connection-specific, which
    /// HTTP/2 forbids (RFC 9113 §8.2.2); hyper's HTTP/2 server removes them.
    #[inline]
    pub fn connection_upgrade(&mut self) {
        if self.response.headers().contains_key(UPGRADE) {
            self.headers()
                .append(CONNECTION, HeaderValue::from_static("upgrade"));
        }
    }

    /// A response without content (1xx, 204, 304, `body = none`): no `Content-Type`, no
    /// `Content-Length`.
    #[inline]
    pub fn empty(self) -> Response<Bytes> {
        self.into_response(Bytes::new())
    }

    /// 205 Reset Content: no content, and `Content-Length: 0` (RFC 9110 §15.3.6).
    #[inline]
    pub fn reset_content(mut self) -> Response<Bytes> {
        self.headers()
            .insert(CONTENT_LENGTH, HeaderValue::from_static("0"));
        self.into_response(Bytes::new())
    }

    /// A problem-details body.
    #[inline]
    pub fn problem(mut self, json: Bytes) -> Response<Bytes> {
        self.headers()
            .insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        self.into_response(json)
    }

    /// The content of a `#[body]` field.
    #[inline]
    pub fn body<B: ResponseBody + ?Sized>(
        mut self,
        field: &'static str,
        body: &B,
    ) -> Result<Response<Bytes>, ResponseBuildError> {
        let bytes = body
            .to_bytes()
            .ok_or(ResponseBuildError::Member { name: field })?;
        self.headers().insert(CONTENT_TYPE, body.content_type());
        Ok(self.into_response(bytes))
    }

    #[inline]
    fn into_response(self, body: Bytes) -> Response<Bytes> {
        self.response.map(|()| body)
    }

    /// The reason phrase of a code IANA does not register, for the status line.
    #[inline]
    pub fn reason_phrase(mut self, reason: &'static str) -> Self {
        self.response.extensions_mut().insert(ReasonPhrase(reason));
        self
    }
}

/// A `Location` value being assembled from a template: literal pieces checked at compile time,
/// placeholders percent-encoded at run time.
#[doc(hidden)]
pub struct LocationTemplate(String);

impl LocationTemplate {
    #[inline]
    pub fn new(capacity: usize) -> Self {
        LocationTemplate(String::with_capacity(capacity))
    }

    #[inline]
    pub fn literal(&mut self, piece: &str) {
        self.0.push_str(piece);
    }

    /// A placeholder's value, percent-encoded. A `Display` that fails is an error rather than a
    /// shortened URI, and so is `.` or `..`, which would be a dot-segment that moves the target
    /// up the path (RFC 3986 §5.2.4) however it is encoded (the WHATWG URL parser decodes
    /// `%2E`).
    #[inline]
    pub fn placeholder<D: fmt::Display + ?Sized>(
        &mut self,
        value: &D,
    ) -> Result<(), ResponseBuildError> {
        let invalid = ResponseBuildError::InvalidHeader { name: "location" };
        let start = self.0.len();
        fmt::write(&mut PercentEncode(&mut self.0), format_args!("{value}"))
            .map_err(|_| invalid)?;
        match &self.0[start..] {
            "." | ".." => Err(invalid),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn room_is_reserved_only_beyond_what_a_first_insertion_makes() {
        let mut few = ResponseParts::with_capacity(StatusCode::OK, 4);
        assert_eq!(few.headers().capacity(), 0);
        let mut many = ResponseParts::with_capacity(StatusCode::OK, 5);
        assert!(many.headers().capacity() >= 5);
    }

    #[test]
    fn the_fallback_is_the_response_inside_it() {
        let response = Response::<Bytes>::from(crate::fallback_response());
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json"
        );
        assert_eq!(
            response.body().as_ref(),
            br#"{"type":"about:blank","title":"Internal Server Error","status":500}"#
        );
    }
}
