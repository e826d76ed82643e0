//! Response formats: how a problem is written for the client, in RFC 9457 JSON, as an HTML
//! page, or in a house format of your own.
//!
//! A [`ResponseFormat`] receives a [`Problem`]: only what the contract lets the client see (the
//! status, `type`, `title`, the `detail` when the contract sends one, `instance`, the extension
//! members), read back from the RFC 9457 document the derive wrote. It never sees the error
//! value, nor a 5xx's source, and two values that answer the same document (a concealed 403
//! and the 404 it hides) are written byte for byte alike in every format.
//!
//! A type picks its format with `#[status(format = ...)]`; the [`ResponseContext`] layer
//! picks one per request from `Accept` (crate::ResponseContext).
//!
//! ```
//! use status_core::format::{Problem, RenderError, ResponseFormat};
//! use status_core::HttpStatus;
//!
//! /// `{"error":{"code":404,"message":"..."}}`, as a house style guide wants it.
//! struct HouseJson;
//!
//! impl ResponseFormat for HouseJson {
//!     fn media_type(&self) -> &'static str {
//!         "application/json"
//!     }
//!
//!     fn render(&self, problem: &Problem<'_>, out: &mut Vec<u8>) -> Result<(), RenderError> {
//!         let message = problem.detail().or(problem.title()).unwrap_or_default();
//!         let error = serde_json::json!({"error": {"code": problem.status().as_u16(), "message": message}});
//!         Ok(serde_json::to_writer(out, &error)?)
//!     }
//! }
//!
//! #[derive(Debug, thiserror::Error, HttpStatus)]
//! #[status(format = HouseJson)]
//! enum BookError {
//!     #[error("book {0} does not exist")]
//!     #[status(404)]
//!     NotFound(u64),
//! }
//!
//! let response = BookError::NotFound(7).to_response();
//! assert_eq!(response.headers()["content-type"], "application/json");
//! assert_eq!(response.body().as_ref(), br#"{"error":{"code":404,"message":"book 7 does not exist"}}"#);
//! ```
//!
//! [`ResponseContext`]: crate::ResponseContext

mod html;
mod problem_json;

use std::borrow::Cow;
use std::fmt;

use crate::problem::{PROBLEM_JSON, ProblemDetails};
use bytes::Bytes;
use http::header::CONTENT_TYPE;
use http::{HeaderValue, Response, StatusCode};

mod document;

use document::Document;

pub use html::HtmlPage;
pub use problem_json::ProblemJson;

/// A way to write a problem for the client: a media type and the bytes of the content.
///
/// A format is a value the program keeps for its whole life (a unit struct, or a `const`), so
/// that `#[status(format = ...)]` can name it. It must not panic; a failure is a
/// [`RenderError`], on which the response goes out as RFC 9457 JSON instead.
///
/// A format whose media type is `application/problem+json` is RFC 9457 itself: the document the
/// derive wrote is sent as it is, and `render` is not called.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a response format",
    label = "`format = ...` names a value whose type implements `status_core::format::ResponseFormat`",
    note = "implement `ResponseFormat` for `{Self}` (a media type and a `render`), or name a shipped one: `status_core::format::HtmlPage`, `status_core::format::ProblemJson`"
)]
pub trait ResponseFormat: Send + Sync + 'static {
    /// The `Content-Type` of what [`render`](ResponseFormat::render) writes, such as
    /// `"text/html; charset=utf-8"`. It is what `Accept` is matched against. A value that is not
    /// a valid header value makes the format unusable: RFC 9457 JSON is sent instead.
    fn media_type(&self) -> &'static str;

    /// Writes `problem` into `out` (empty when called).
    fn render(&self, problem: &Problem<'_>, out: &mut Vec<u8>) -> Result<(), RenderError>;

    /// The JSON Schema of what [`render`](ResponseFormat::render) writes for a problem whose
    /// RFC 9457 document has the schema `problem`, for OpenAPI documents
    /// ([`openapi`](crate::openapi)); `None` (the default) documents the media type without a
    /// schema.
    ///
    /// ```
    /// use serde_json::{Value, json};
    /// use status_core::format::{Problem, RenderError, ResponseFormat};
    ///
    /// struct HouseJson;
    ///
    /// impl ResponseFormat for HouseJson {
    ///     fn media_type(&self) -> &'static str {
    ///         "application/json"
    ///     }
    ///
    ///     fn render(&self, problem: &Problem<'_>, out: &mut Vec<u8>) -> Result<(), RenderError> {
    ///         let message = problem.detail().or(problem.title()).unwrap_or_default();
    ///         Ok(serde_json::to_writer(out, &json!({"code": problem.status().as_u16(), "message": message}))?)
    ///     }
    ///
    ///     fn schema(&self, problem: &Value) -> Option<Value> {
    ///         // The problem's `status` schema is an `enum` of the one code it sends.
    ///         Some(json!({
    ///             "type": "object",
    ///             "properties": {"code": problem["properties"]["status"], "message": {"type": "string"}},
    ///             "required": ["code", "message"],
    ///         }))
    ///     }
    /// }
    ///
    /// let problem = json!({"properties": {"status": {"type": "integer", "enum": [404]}}});
    /// assert_eq!(HouseJson.schema(&problem).unwrap()["properties"]["code"]["enum"][0], 404);
    /// ```
    fn schema(&self, problem: &serde_json::Value) -> Option<serde_json::Value> {
        let _ = problem;
        None
    }
}

/// What a [`ResponseFormat`] may show the client: the members of the problem the contract sends,
/// and the response's status.
///
/// ```
/// use status_core::format::Problem;
/// use status_core::ProblemDetails;
///
/// let details: ProblemDetails = serde_json::from_str(
///     r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"book 7 does not exist"}"#,
/// ).unwrap();
/// let problem = Problem::new(http::StatusCode::NOT_FOUND, &details);
/// assert_eq!(problem.title(), Some("Not Found"));
/// assert_eq!(problem.detail(), Some("book 7 does not exist"));
/// assert_eq!(problem.instance(), None);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Problem<'a> {
    status: StatusCode,
    type_uri: &'a str,
    title: Option<&'a str>,
    detail: Option<&'a str>,
    instance: Option<&'a str>,
    extensions: &'a serde_json::Map<String, serde_json::Value>,
}

impl<'a> Problem<'a> {
    /// The problem `details` of a response with `status` (to test a format of your own).
    pub fn new(status: StatusCode, details: &'a ProblemDetails) -> Self {
        Problem {
            status,
            type_uri: &details.type_uri,
            title: details.title.as_deref(),
            detail: details.detail.as_deref(),
            instance: details.instance.as_deref(),
            extensions: &details.extensions,
        }
    }

    /// The problem of `document`, with `status` (the document's own when `None`), and
    /// `instance` when the document has none.
    fn read(
        document: &'a Document<'a>,
        status: Option<StatusCode>,
        instance: Option<&'a str>,
    ) -> Self {
        let status = status
            .or(document
                .status
                .and_then(|code| StatusCode::from_u16(code).ok()))
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        Problem {
            status,
            type_uri: document.type_uri.as_deref().unwrap_or("about:blank"),
            title: document.title.as_deref(),
            detail: document.detail.as_deref(),
            instance: document.instance.as_deref().or(instance),
            extensions: &document.extensions,
        }
    }

    /// The response's status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The problem type, a URI reference; `about:blank` when it has none of its own.
    pub fn type_uri(&self) -> &'a str {
        self.type_uri
    }

    /// The title: the status code's reason phrase, or the contract's own `title`.
    pub fn title(&self) -> Option<&'a str> {
        self.title
    }

    /// The explanation of this occurrence, when the contract sends one (never for a derived
    /// type's 5xx, unless it says `detail = display`, nor for `detail = hidden`; a problem
    /// written by other code has what it has).
    pub fn detail(&self) -> Option<&'a str> {
        self.detail
    }

    /// The URI reference of this occurrence: the variant's `#[instance]` field, or the
    /// request's id put there by [`ResponseContext`](crate::ResponseContext).
    pub fn instance(&self) -> Option<&'a str> {
        self.instance
    }

    /// The extension members, by name.
    pub fn extensions(&self) -> &'a serde_json::Map<String, serde_json::Value> {
        self.extensions
    }
}

/// Why a [`ResponseFormat`] could not write a problem.
///
/// ```
/// use status_core::format::RenderError;
///
/// let error = RenderError::new("the template is missing");
/// assert_eq!(error.to_string(), "the response format failed: the template is missing");
/// ```
#[derive(Debug)]
pub struct RenderError {
    reason: Cow<'static, str>,
}

impl RenderError {
    /// A failure, said in words.
    pub fn new(reason: impl Into<Cow<'static, str>>) -> Self {
        RenderError {
            reason: reason.into(),
        }
    }
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the response format failed: {}", self.reason)
    }
}

impl std::error::Error for RenderError {}

impl From<serde_json::Error> for RenderError {
    fn from(error: serde_json::Error) -> Self {
        RenderError::new(error.to_string())
    }
}

impl From<fmt::Error> for RenderError {
    fn from(_: fmt::Error) -> Self {
        RenderError::new("a value could not be formatted")
    }
}

impl From<std::io::Error> for RenderError {
    fn from(error: std::io::Error) -> Self {
        RenderError::new(error.to_string())
    }
}

/// The RFC 9457 document a response in another format was written from, and that format, in
/// the response's extensions. [`ResponseContext`](crate::ResponseContext) reads it to write the
/// problem in the format a request asks for; a response in RFC 9457 JSON is its own document
/// and carries none, unless its type named its format.
///
/// ```
/// use status_core::format::{HtmlPage, ProblemDocument};
/// use status_core::HttpStatus;
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// #[error("book 7 does not exist")]
/// #[status(404, format = HtmlPage)]
/// struct BookNotFound;
///
/// let response = BookNotFound.to_response();
/// assert_eq!(response.headers()["content-type"], "text/html; charset=utf-8");
/// let document = response.extensions().get::<ProblemDocument>().unwrap();
/// assert_eq!(document.json().as_ref(), br#"{"type":"about:blank","title":"Not Found","status":404,"detail":"book 7 does not exist"}"#);
/// ```
#[derive(Clone)]
pub struct ProblemDocument {
    json: Bytes,
    format: &'static dyn ResponseFormat,
}

impl ProblemDocument {
    /// The RFC 9457 JSON document.
    pub fn json(&self) -> &Bytes {
        &self.json
    }

    /// The format the response's type named.
    pub fn format(&self) -> &'static dyn ResponseFormat {
        self.format
    }
}

impl fmt::Debug for ProblemDocument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProblemDocument")
            .field("json", &self.json)
            .field("format", &self.format.media_type())
            .finish()
    }
}

/// The RFC 9457 document of `response`, if it is a problem: the one its format was written from,
/// or its own body in `application/problem+json`. `None` for a response without content.
pub(crate) fn problem_document(response: &Response<Bytes>) -> Option<Bytes> {
    if status_codes::without_content(response.status().as_u16()).is_some() {
        return None;
    }
    if let Some(document) = response.extensions().get::<ProblemDocument>() {
        return Some(document.json.clone());
    }
    is_problem_json(response.headers()).then(|| response.body().clone())
}

/// Whether the headers say the content is RFC 9457 JSON.
pub(crate) fn is_problem_json(headers: &http::HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes() == PROBLEM_JSON.as_bytes())
}

/// The content type and bytes of `json` written in `format`, with `instance` set when the
/// document has none; `None` when the document is not RFC 9457 JSON, the media type is not a
/// header value, or the format fails.
pub(crate) fn render(
    format: &dyn ResponseFormat,
    status: StatusCode,
    json: &Bytes,
    instance: Option<&str>,
) -> Option<(HeaderValue, Bytes)> {
    let media_type = format.media_type();
    if media_type == PROBLEM_JSON {
        let json = with_instance(json, instance)?;
        return Some((HeaderValue::from_static(PROBLEM_JSON), json));
    }
    if !crate::context::is_media_type(media_type) {
        return None;
    }
    let content_type = HeaderValue::from_str(media_type).ok()?;
    let document: Document<'_> = serde_json::from_slice(json).ok()?;
    let problem = Problem::read(&document, Some(status), instance);
    let mut out = Vec::with_capacity(1024);
    format.render(&problem, &mut out).ok()?;
    Some((content_type, Bytes::from(out)))
}

/// `json` with an `instance` member appended when it has none; `json` itself without one to
/// add. `None` when it is not a JSON object (malformed JSON and invalid UTF-8 included), and
/// when it mentions `instance` but is no document `Document` reads (a standard member that is
/// not a string): whether it has the member cannot be told then.
fn with_instance(json: &Bytes, instance: Option<&str>) -> Option<Bytes> {
    let Some(instance) = instance else {
        return Some(json.clone());
    };
    // Without the word anywhere, there is no such member; with it, the document decides: one
    // with an `instance` keeps it, one with `"instance": null` is written anew with the id
    // (appending would make a second member).
    if contains(json, b"instance") {
        let document: Document<'_> = serde_json::from_slice(json).ok()?;
        if document.instance.is_some() {
            return Some(json.clone());
        }
        if document.names_instance {
            let mut out = Vec::with_capacity(json.len() + instance.len() + 16);
            let problem = Problem::read(&document, None, Some(instance));
            ProblemJson.render(&problem, &mut out).ok()?;
            return Some(Bytes::from(out));
        }
    } else {
        // Read as a `Document` above, it is JSON; here nothing read it yet. A foreign body
        // labelled RFC 9457 JSON that is not JSON is left as it is, not made longer. (serde_json
        // skips the bytes of a string it ignores without checking them as UTF-8.)
        serde_json::from_str::<serde::de::IgnoredAny>(std::str::from_utf8(json).ok()?).ok()?;
    }
    // JSON whose text ends in `}` is an object.
    let body = json.trim_ascii_end().strip_suffix(b"}")?;
    let mut out = Vec::with_capacity(json.len() + instance.len() + 16);
    out.extend_from_slice(body);
    if body.trim_ascii_end() != b"{" {
        out.push(b',');
    }
    out.extend_from_slice(b"\"instance\":");
    serde_json::to_writer(&mut out, instance).ok()?;
    out.push(b'}');
    Some(Bytes::from(out))
}

/// Whether `needle` occurs in `haystack`.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

/// `response` written in `format`, the format its type named; the RFC 9457 document goes with
/// it in the extensions, for [`ResponseContext`](crate::ResponseContext). A response that is
/// not a problem is returned as it is; one whose format fails stays RFC 9457 JSON.
pub(crate) fn in_format(
    format: &'static dyn ResponseFormat,
    mut response: Response<Bytes>,
) -> Response<Bytes> {
    let Some(json) = problem_document(&response) else {
        return response;
    };
    if let Some((content_type, body)) = render(format, response.status(), &json, None) {
        response.headers_mut().insert(CONTENT_TYPE, content_type);
        *response.body_mut() = body;
    } else {
        response
            .headers_mut()
            .insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        *response.body_mut() = json.clone();
    }
    response
        .extensions_mut()
        .insert(ProblemDocument { json, format });
    response
}

#[cfg(test)]
mod tests {
    use super::RenderError;

    #[test]
    fn a_render_error_says_why_the_format_failed() {
        let said = |error: RenderError| error.to_string();
        assert_eq!(
            said(RenderError::new("no template")),
            "the response format failed: no template"
        );
        let json = serde_json::from_str::<u8>("x").unwrap_err();
        assert_eq!(
            said(RenderError::from(json)),
            "the response format failed: expected value at line 1 column 1"
        );
        let io = std::io::Error::other("disk full");
        assert_eq!(
            said(RenderError::from(io)),
            "the response format failed: disk full"
        );
    }
}
