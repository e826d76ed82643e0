//! Every response the shop sends in an end-to-end test, checked against the shop's own OpenAPI
//! document (`GET /openapi.json`) as it leaves the router: whichever client asked (reqwest, curl,
//! a browser, h2c), the document has that path and method, documents that status, every header
//! it marks required is there, and the body validates against the documented schema of its
//! media type (`wire_properties::documented`).
//!
//! What an operation cannot document is checked against what documents it instead: a method
//! the path does not document must be answered `405`, with an `Allow` that lists exactly the
//! methods the path documents (and `HEAD` with `GET`); a path the document does not have must be
//! answered `404` by the shop's fallback, as `NotFound` documents it. A response to `HEAD` is
//! checked as the head of the `GET`'s.

use std::sync::{Arc, Mutex, PoisonError};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::Response;
use serde_json::Value;
use status_core::ResponseContext;
use status_core::openapi::Responses;

use super::app;
use super::wire_properties::Checked;
use super::wire_properties::documented::{documented, documented_head};

/// The methods OpenAPI names in a Path Item.
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// The document, and what the responses checked against it broke.
#[derive(Clone)]
pub struct WireCheck {
    document: Arc<Value>,
    /// The fallback 404's and the 405's documentation, in the shop's response context.
    not_found: Arc<Value>,
    method_not_allowed: Arc<Value>,
    checked: Arc<Mutex<usize>>,
    violations: Arc<Mutex<Vec<String>>>,
}

impl WireCheck {
    /// A check against `document`, the shop's OpenAPI document.
    pub fn new(document: Arc<Value>) -> WireCheck {
        let context = ResponseContext::new();
        WireCheck {
            document,
            not_found: Arc::new(context.document(|| Responses::of::<app::NotFound>().to_json())),
            method_not_allowed: Arc::new(
                context.document(|| Responses::of::<app::MethodNotAllowed>().to_json()),
            ),
            checked: Arc::default(),
            violations: Arc::default(),
        }
    }

    /// `router` with every response it sends checked.
    pub fn around(&self, router: axum::Router) -> axum::Router {
        router.layer(middleware::from_fn_with_state(self.clone(), check))
    }

    /// How many responses were checked.
    pub fn checked(&self) -> usize {
        *self.checked.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// What the responses checked broke, one line each.
    pub fn violations(&self) -> Vec<String> {
        self.violations
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Whether the response `status`, `headers`, `body` to `method` `path` is documented.
    pub fn verify(
        &self,
        method: &Method,
        path: &str,
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Checked {
        let status = status.as_u16();
        let Some(item) = path_item(&self.document, path) else {
            if status != 404 {
                return Err(format!(
                    "{path} is not documented, and the answer is not the fallback 404"
                ));
            }
            return documented(&self.not_found, status, headers, body);
        };
        let name = method.as_str().to_ascii_lowercase();
        let operation = item
            .get(&name)
            .or_else(|| (method == Method::HEAD).then(|| item.get("get")).flatten());
        let Some(operation) = operation else {
            return not_allowed(item, status, headers)
                .and_then(|()| documented(&self.method_not_allowed, status, headers, body));
        };
        if method == Method::HEAD {
            return documented_head(&operation["responses"], status, headers);
        }
        documented(&operation["responses"], status, headers, body)
    }
}

/// A method `item` does not document: a 405 whose `Allow` is exactly the methods it documents.
fn not_allowed(item: &Value, status: u16, headers: &HeaderMap) -> Checked {
    if status != 405 {
        return Err(format!(
            "the method is not documented, and the answer is {status}, not 405"
        ));
    }
    let mut documented: Vec<String> = METHODS
        .iter()
        .filter(|method| item.get(**method).is_some())
        .map(|method| method.to_ascii_uppercase())
        .collect();
    if documented.iter().any(|method| method == "GET") && !documented.iter().any(|m| m == "HEAD") {
        documented.push("HEAD".into());
    }
    documented.sort();
    let mut allow: Vec<String> = headers
        .get_all("allow")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|method| method.trim().to_owned())
        .filter(|method| !method.is_empty())
        .collect();
    allow.sort();
    if allow != documented {
        return Err(format!(
            "Allow: {allow:?}, while the path documents {documented:?}"
        ));
    }
    Ok(())
}

/// The Path Item of the document's path that `path` matches: a literal one before a template
/// (`/api/reviews/batch` before `/api/reviews/{id}`).
fn path_item<'a>(document: &'a Value, path: &str) -> Option<&'a Value> {
    let paths = document["paths"].as_object()?;
    let segments: Vec<&str> = path.split('/').collect();
    let matches = |template: &str| {
        let parts: Vec<&str> = template.split('/').collect();
        parts.len() == segments.len()
            && parts.iter().zip(&segments).all(|(part, segment)| {
                part == segment
                    || (part.starts_with('{') && part.ends_with('}') && !segment.is_empty())
            })
    };
    paths
        .iter()
        .filter(|(template, _)| matches(template))
        .min_by_key(|(template, _)| template.matches('{').count())
        .map(|(_, item)| item)
}

/// The layer: the response read whole, checked, and sent on as it was.
async fn check(State(wire): State<WireCheck>, request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    let (parts, body) = response.into_parts();
    // Sent on as it came: a body that claims no length (a 204's, a 304's) gets no
    // Content-Length, and ends with the head.
    let sized = http_body::Body::size_hint(&body).exact().is_some();
    let bytes = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => bytes,
        Err(error) => {
            wire.record(format!(
                "{method} {path}: the body could not be read: {error}"
            ));
            return Response::from_parts(parts, Body::empty());
        }
    };
    if let Err(why) = wire.verify(&method, &path, parts.status, &parts.headers, &bytes) {
        wire.record(format!("{method} {path} answered {}: {why}", parts.status));
    }
    *wire.checked.lock().unwrap_or_else(PoisonError::into_inner) += 1;
    let body = if sized {
        Body::from(bytes)
    } else {
        Body::new(Unsized(Some(bytes)))
    };
    Response::from_parts(parts, body)
}

/// A body of unknown size: its bytes in one frame.
struct Unsized(Option<axum::body::Bytes>);

impl http_body::Body for Unsized {
    type Data = axum::body::Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        let bytes = self.0.take().filter(|bytes| !bytes.is_empty());
        std::task::Poll::Ready(bytes.map(|bytes| Ok(http_body::Frame::data(bytes))))
    }

    fn is_end_stream(&self) -> bool {
        // A response without content ends with its head (no DATA frame on HTTP/2).
        self.0.as_ref().is_none_or(|bytes| bytes.is_empty())
    }
}

impl WireCheck {
    fn record(&self, violation: String) {
        self.violations
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(violation);
    }
}
