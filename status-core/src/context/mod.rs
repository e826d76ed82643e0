//! The response in its request's context: the format `Accept` asks for, `instance` from the
//! request's id, and (with `tracing`) the request on every log line of its error.
//!
//! [`ResponseContext`] is the configuration, framework-neutral; [`RequestContext`] is what it
//! keeps of one request (its `Accept`, its id) until the response is ready. The `tower` feature
//! makes `ResponseContext` a tower `Layer` (axum, hyper, tonic...), the `actix-web` feature an
//! actix-web middleware; a server of its own calls [`ResponseContext::for_request`] and
//! [`RequestContext::finish`].
//!
//! Only problems are touched: a response whose content is an RFC 9457 document, or that was
//! written from one in its type's format ([`ProblemDocument`]). A response without content
//! (1xx, 204, 205, 304) or with any other content passes through as it is.

mod accept;

pub(crate) use accept::is_media_type;

use std::fmt;
use std::sync::Arc;

use bytes::Bytes;
use http::header::{ACCEPT, CONTENT_LENGTH, CONTENT_TYPE, VARY};
use http::{HeaderMap, HeaderName, HeaderValue, Response, StatusCode};

use crate::format::{self, HtmlPage, ProblemDocument, ProblemJson, ResponseFormat};
use crate::header::{PercentEncode, is_unreserved};

/// How an application answers problems in each request's context: which formats it offers
/// besides each type's own, the format of types that name none, and the header that carries the
/// request's id.
///
/// By default: each type's own format (RFC 9457 JSON unless it names another), an
/// [`HtmlPage`] for clients that prefer `text/html` (browsers), RFC 9457 JSON for clients that
/// ask for it, and `instance` from `x-request-id` (the header tower-http's `SetRequestId`
/// writes).
///
/// ```
/// use status_core::{HttpStatus, ResponseContext};
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// #[error("book {0} does not exist")]
/// #[status(404)]
/// struct BookNotFound(u64);
///
/// let context = ResponseContext::new();
/// let mut request = http::HeaderMap::new();
/// request.insert("accept", "text/html,*/*;q=0.8".parse()?);
/// request.insert("x-request-id", "7f3c2a".parse()?);
///
/// let response = context.for_request(&request).finish(BookNotFound(7).to_response());
/// assert_eq!(response.headers()["content-type"], "text/html; charset=utf-8");
/// assert_eq!(response.headers()["vary"], "accept");
/// let page = String::from_utf8_lossy(response.body());
/// assert!(page.contains("<title>404 Not Found</title>"));
/// assert!(page.contains("7f3c2a"));
///
/// // No Accept: the type's own format, with the request's id as the instance.
/// request.remove("accept");
/// let response = context.for_request(&request).finish(BookNotFound(7).to_response());
/// assert_eq!(
///     response.body().as_ref(),
///     br#"{"type":"about:blank","title":"Not Found","status":404,"detail":"book 7 does not exist","instance":"7f3c2a"}"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct ResponseContext {
    settings: Arc<Settings>,
}

#[derive(Clone)]
struct Settings {
    /// The format of problems whose type names none.
    default: Option<Arc<dyn ResponseFormat>>,
    /// The formats offered besides the type's own, in order of preference.
    offered: Vec<Arc<dyn ResponseFormat>>,
    request_id: Option<HeaderName>,
}

/// How many offered formats `Accept` weighs: the candidates but the type's own and RFC 9457 JSON.
const MAX_OFFERED: usize = accept::MAX_CANDIDATES - 2;

/// The longest request id taken as an `instance` (longer ones are left out).
const MAX_REQUEST_ID: usize = 256;

impl ResponseContext {
    /// Each type's own format, an HTML page for browsers, RFC 9457 JSON on request, and
    /// `instance` from `x-request-id`.
    pub fn new() -> Self {
        ResponseContext {
            settings: Arc::new(Settings {
                default: None,
                offered: vec![Arc::new(HtmlPage)],
                request_id: Some(HeaderName::from_static("x-request-id")),
            }),
        }
    }

    fn settings(&mut self) -> &mut Settings {
        // Configured before it is shared: the clone `make_mut` may make is of a few `Arc`s.
        Arc::make_mut(&mut self.settings)
    }

    /// Offers `format` too, after those offered already, to clients whose `Accept` prefers its
    /// media type. Six formats are weighed besides the type's own and RFC 9457 JSON (which is
    /// always on offer); one offered after those six is never chosen.
    ///
    /// ```
    /// use status_core::format::{Problem, RenderError, ResponseFormat};
    /// use status_core::ResponseContext;
    ///
    /// struct PlainText;
    /// impl ResponseFormat for PlainText {
    ///     fn media_type(&self) -> &'static str { "text/plain; charset=utf-8" }
    ///     fn render(&self, problem: &Problem<'_>, out: &mut Vec<u8>) -> Result<(), RenderError> {
    ///         out.extend_from_slice(problem.title().unwrap_or_default().as_bytes());
    ///         Ok(())
    ///     }
    /// }
    ///
    /// let context = ResponseContext::new().offer(PlainText);
    /// # let _ = context;
    /// ```
    pub fn offer(mut self, format: impl ResponseFormat) -> Self {
        self.settings().offered.push(Arc::new(format));
        self
    }

    /// Offers nothing besides each type's own format (and RFC 9457 JSON): no HTML page.
    ///
    /// ```
    /// let context = status_core::ResponseContext::new().offer_none();
    /// # let _ = context;
    /// ```
    pub fn offer_none(mut self) -> Self {
        self.settings().offered.clear();
        self
    }

    /// The format of the problems of types that name none (instead of RFC 9457 JSON): the
    /// application's house format.
    ///
    /// ```
    /// let context = status_core::ResponseContext::new().default_format(status_core::format::HtmlPage);
    /// # let _ = context;
    /// ```
    pub fn default_format(mut self, format: impl ResponseFormat) -> Self {
        self.settings().default = Some(Arc::new(format));
        self
    }

    /// Takes the request's id from header `name` (`x-request-id` by default).
    ///
    /// ```
    /// let context = status_core::ResponseContext::new().request_id_header(http::HeaderName::from_static("x-correlation-id"));
    /// # let _ = context;
    /// ```
    pub fn request_id_header(mut self, name: HeaderName) -> Self {
        self.settings().request_id = Some(name);
        self
    }

    /// Takes no request id: `instance` stays as each contract has it.
    ///
    /// ```
    /// let context = status_core::ResponseContext::new().without_request_id();
    /// # let _ = context;
    /// ```
    pub fn without_request_id(mut self) -> Self {
        self.settings().request_id = None;
        self
    }

    /// What this context keeps of a request with header fields `headers`, to finish its
    /// response with.
    pub fn for_request(&self, headers: &HeaderMap) -> RequestContext {
        let request_id = self
            .settings
            .request_id
            .as_ref()
            .and_then(|name| headers.get(name));
        self.for_fields(headers.get_all(ACCEPT).iter().cloned(), request_id)
    }

    /// The format of problems whose type names none: the default set, else `fallback`.
    pub(crate) fn default_format_or<'a>(
        &'a self,
        fallback: &'a dyn ResponseFormat,
    ) -> &'a dyn ResponseFormat {
        self.settings.default.as_deref().unwrap_or(fallback)
    }

    /// The formats offered besides each type's own, in order of preference: those `Accept` can
    /// choose (the first six).
    pub(crate) fn offered_formats(&self) -> impl Iterator<Item = &dyn ResponseFormat> {
        self.settings
            .offered
            .iter()
            .take(MAX_OFFERED)
            .map(|format| &**format)
    }

    /// Whether problems may get the request's id as their `instance`.
    pub(crate) fn takes_request_id(&self) -> bool {
        self.settings.request_id.is_some()
    }

    /// The name of the header the request's id is read from, if any.
    #[cfg_attr(not(feature = "actix-web"), allow(dead_code))]
    pub(crate) fn request_id_name(&self) -> Option<&HeaderName> {
        self.settings.request_id.as_ref()
    }

    /// What this context keeps of a request with these `Accept` fields and this request id.
    pub(crate) fn for_fields(
        &self,
        accept: impl Iterator<Item = HeaderValue>,
        request_id: Option<&HeaderValue>,
    ) -> RequestContext {
        RequestContext {
            settings: Arc::clone(&self.settings),
            accept: AcceptFields::from_iter(accept),
            request_id: request_id.and_then(request_instance),
        }
    }
}

impl Default for ResponseContext {
    fn default() -> Self {
        ResponseContext::new()
    }
}

impl fmt::Debug for ResponseContext {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let media_types = |formats: &[Arc<dyn ResponseFormat>]| -> Vec<&'static str> {
            formats.iter().map(|format| format.media_type()).collect()
        };
        f.debug_struct("ResponseContext")
            .field(
                "default",
                &self.settings.default.as_ref().map(|f| f.media_type()),
            )
            .field("offered", &media_types(&self.settings.offered))
            .field("request_id", &self.settings.request_id)
            .finish()
    }
}

/// The request's id as a URI reference: every byte but the unreserved ones percent-encoded
/// (a UUID stays as it is); `None` when empty or longer than [`MAX_REQUEST_ID`].
fn request_instance(value: &HeaderValue) -> Option<String> {
    let bytes = value.as_bytes();
    if bytes.is_empty() || bytes.len() > MAX_REQUEST_ID {
        return None;
    }
    if bytes.iter().all(|&b| is_unreserved(b)) {
        // A UUID, as request ids usually are: nothing to encode.
        return value.to_str().ok().map(str::to_owned);
    }
    let mut instance = String::with_capacity(bytes.len() * 3);
    PercentEncode(&mut instance).push_bytes(bytes);
    Some(instance)
}

/// What a [`ResponseContext`] keeps of one request: its `Accept` and its id.
#[derive(Clone)]
pub struct RequestContext {
    settings: Arc<Settings>,
    accept: AcceptFields,
    request_id: Option<String>,
}

/// The `Accept` fields of a request: nearly always none or one, kept without a `Vec`.
#[derive(Clone, Debug, Default)]
struct AcceptFields {
    first: Option<HeaderValue>,
    more: Vec<HeaderValue>,
}

impl FromIterator<HeaderValue> for AcceptFields {
    fn from_iter<I: IntoIterator<Item = HeaderValue>>(fields: I) -> Self {
        let mut fields = fields.into_iter();
        AcceptFields {
            first: fields.next(),
            more: fields.collect(),
        }
    }
}

impl AcceptFields {
    fn iter(&self) -> impl Iterator<Item = &HeaderValue> {
        self.first.iter().chain(&self.more)
    }
}

/// What finishing a response takes: whether to add `Vary: Accept`, and the format to write the
/// problem in when its content changes.
pub(crate) struct Plan<'a> {
    vary: bool,
    rewrite: Option<&'a dyn ResponseFormat>,
}

impl Plan<'_> {
    /// Whether the content changes (and so must be read first).
    #[cfg_attr(not(feature = "tower"), allow(dead_code))]
    pub(crate) fn rewrites(&self) -> bool {
        self.rewrite.is_some()
    }

    /// Whether the format was chosen by `Accept`, so that the response varies with it.
    #[cfg_attr(not(feature = "actix-web"), allow(dead_code))]
    pub(crate) fn varies(&self) -> bool {
        self.vary
    }

    /// Adds `Vary: Accept` to `headers` when the format was chosen by `Accept`.
    pub(crate) fn vary(&self, headers: &mut HeaderMap) {
        if self.vary {
            vary_accept(headers);
        }
    }
}

impl RequestContext {
    /// The request's id, as it goes into `instance` (percent-encoded).
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// `response` in this request's context: a problem in the format `Accept` prefers among
    /// the type's own and those offered (`Vary: Accept` when there was a choice), with the
    /// request's id as its `instance` when it has none. Anything else is returned as it is.
    pub fn finish(&self, response: Response<Bytes>) -> Response<Bytes> {
        match self.plan(response.status(), response.headers(), response.extensions()) {
            Some(plan) => self.finish_planned(&plan, response),
            None => response,
        }
    }

    /// `response` finished as `plan` (made from its own head) says.
    pub(crate) fn finish_planned(
        &self,
        plan: &Plan<'_>,
        mut response: Response<Bytes>,
    ) -> Response<Bytes> {
        let rewritten = plan.rewrite.and_then(|format| {
            let json = format::problem_document(&response)?;
            format::render(format, response.status(), &json, self.request_id())
        });
        let headers = response.headers_mut();
        plan.vary(headers);
        if let Some((content_type, body)) = rewritten {
            headers.insert(CONTENT_TYPE, content_type);
            headers.remove(CONTENT_LENGTH);
            *response.body_mut() = body;
        }
        response
    }

    /// What finishing a response with this status, these headers and extensions takes; `None`
    /// when it is not a problem (or has no content), and is left as it is.
    pub(crate) fn plan(
        &self,
        status: StatusCode,
        headers: &HeaderMap,
        extensions: &http::Extensions,
    ) -> Option<Plan<'_>> {
        if status_codes::without_content(status.as_u16()).is_some() {
            return None;
        }
        let document = extensions.get::<ProblemDocument>();
        if document.is_none() && !format::is_problem_json(headers) {
            return None;
        }
        let own: &dyn ResponseFormat = match (document, &self.settings.default) {
            (Some(document), _) => document.format(),
            (None, Some(default)) => default.as_ref(),
            (None, None) => &ProblemJson,
        };
        let (candidates, count) = self.candidates(own);
        let media_types = candidates[..count]
            .iter()
            .map(|(_, media_type)| *media_type);
        // Without `Accept`, the first: nothing to read.
        let index = match self.accept.first {
            Some(_) => accept::choose(self.accept.iter(), media_types),
            None => 0,
        };
        let chosen = candidates[..count]
            .get(index)
            .map_or(own, |(format, _)| *format);
        let current = headers.get(CONTENT_TYPE).map(HeaderValue::as_bytes);
        let in_chosen = current == Some(chosen.media_type().as_bytes());
        Some(Plan {
            vary: count > 1,
            rewrite: (!in_chosen || self.request_id.is_some()).then_some(chosen),
        })
    }

    /// The formats a problem may be written in, with their media types: `own` first, then those
    /// offered, then RFC 9457 JSON; one per media type, at most [`accept::MAX_CANDIDATES`]; and
    /// how many there are.
    fn candidates<'a>(&'a self, own: &'a dyn ResponseFormat) -> (Candidates<'a>, usize) {
        let problem_json: &'a dyn ResponseFormat = &ProblemJson;
        let offered = self.settings.offered.iter().map(|format| format.as_ref());
        let offered_count = self.settings.offered.len();
        let all = std::iter::once(own)
            .chain(offered)
            .chain(std::iter::once(problem_json));
        let mut candidates: Candidates<'a> = [(own, ""); accept::MAX_CANDIDATES];
        let mut count = 0;
        let last = offered_count + 1;
        for (index, format) in all.enumerate() {
            let media_type = format.media_type();
            // The last place is RFC 9457 JSON's: it is always on offer.
            let room = if index == last {
                count < accept::MAX_CANDIDATES
            } else {
                count < accept::MAX_CANDIDATES - 1
            };
            if room
                && candidates[..count]
                    .iter()
                    .all(|(_, known)| *known != media_type)
            {
                candidates[count] = (format, media_type);
                count += 1;
            }
        }
        (candidates, count)
    }
}

/// Formats and their media types, in order of preference.
type Candidates<'a> = [(&'a dyn ResponseFormat, &'static str); accept::MAX_CANDIDATES];

impl fmt::Debug for RequestContext {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestContext")
            .field("accept", &self.accept.iter().collect::<Vec<_>>())
            .field("request_id", &self.request_id)
            .finish_non_exhaustive()
    }
}

/// Adds `accept` to `Vary`, unless it lists it already or says `*`.
fn vary_accept(headers: &mut HeaderMap) {
    if !varies_with_accept(headers.get_all(VARY).iter().map(HeaderValue::as_bytes)) {
        headers.append(VARY, HeaderValue::from_static("accept"));
    }
}

/// Whether `Vary` field values list `accept` or say `*`.
pub(crate) fn varies_with_accept<'a>(values: impl Iterator<Item = &'a [u8]>) -> bool {
    values
        .filter_map(|value| std::str::from_utf8(value).ok())
        .flat_map(|value| value.split(','))
        .any(|name| {
            let name = name.trim();
            name == "*" || name.eq_ignore_ascii_case("accept")
        })
}
