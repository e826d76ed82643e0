//! actix-web 4: every derived type converts into `actix_web::Error` (through
//! [`ActixResponse`], a `ResponseError`), so that a handler returns `Result<T, MyError>`, or uses
//! `?`, and actix-web sends the contract's response.
//!
//! ```
//! use actix_web::{App, get};
//! use status_core::HttpStatus;
//!
//! #[derive(Debug, thiserror::Error, HttpStatus)]
//! enum OrderError {
//!     #[error("order {0} does not exist")]
//!     #[status(404)]
//!     NotFound(u64),
//! }
//!
//! #[get("/order/7")]
//! async fn order() -> Result<String, OrderError> {
//!     Err(OrderError::NotFound(7))
//! }
//!
//! let app = App::new().service(order);
//! # let _ = app;
//! ```
//!
//! [`ResponseContext`](crate::ResponseContext) is an actix-web middleware too
//! (`App::new().wrap(ResponseContext::new())`): see [`ResponseContextMiddleware`].
//!
//! actix-web speaks `http` 0.2; the response is carried over without loss: the status, every
//! header field in order (repeated ones too), the reason phrase of an unregistered code
//! ([`ReasonPhrase`](crate::ReasonPhrase)), and the body. Responses without content get
//! actix-web's "no body", so that it writes no `Content-Length`.

use std::fmt;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::http::ConnectionType;
use actix_web::http::StatusCode;
use actix_web::http::header::{HeaderMap, HeaderName, HeaderValue, UPGRADE};
use actix_web::{HttpResponse, ResponseError};
use bytes::Bytes;

use super::Report;
use crate::format::ProblemDocument;
use crate::{HttpStatus, ReasonPhrase};

mod middleware;

pub use middleware::ResponseContextMiddleware;

/// A derived type's response on its way into actix-web: the `ResponseError` that
/// `impl From<T> for actix_web::Error` wraps.
///
/// actix-web's `ResponseError` requires `Debug` and `Display`, which not every derived type has
/// (a `304 Not Modified` needs neither), so the integration converts the type into
/// `actix_web::Error` through this carrier instead of implementing `ResponseError` on it. The
/// response is built once, when the error is converted, and logged then.
///
/// ```
/// use actix_web::ResponseError;
/// use status_core::{ActixResponse, HttpStatus};
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// #[error("order 7 does not exist")]
/// #[status(404)]
/// struct NotFound;
///
/// let error = actix_web::Error::from(NotFound);
/// let response = error.as_response_error();
/// assert_eq!(response.status_code(), 404);
/// assert!(error.as_error::<ActixResponse>().is_some());
/// ```
pub struct ActixResponse {
    status: StatusCode,
    reason: Option<&'static str>,
    headers: HeaderMap,
    /// `None` for a response without content.
    body: Option<Bytes>,
    /// The RFC 9457 document a response in its type's format was written from.
    document: Option<ProblemDocument>,
}

impl ActixResponse {
    /// The response of `value`, converted to actix-web's `http` 0.2 types and logged.
    #[doc(hidden)]
    pub fn new<T: HttpStatus + ?Sized>(value: &T, report: Report<'_>) -> ActixResponse {
        ActixResponse::from_http(super::response_of(value, report))
    }

    /// `response`, converted to actix-web's `http` 0.2 types.
    fn from_http(response: http::Response<Bytes>) -> ActixResponse {
        let (parts, bytes) = response.into_parts();
        // Both `http` crates accept every status 100..=999 and the same header bytes: neither
        // conversion can fail for a response built here.
        let status = StatusCode::from_u16(parts.status.as_u16())
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut headers = HeaderMap::with_capacity(parts.headers.len());
        for (name, value) in &parts.headers {
            let name = HeaderName::from_bytes(name.as_str().as_bytes());
            let value = HeaderValue::from_bytes(value.as_bytes());
            if let (Ok(name), Ok(value)) = (name, value) {
                headers.append(name, value);
            }
        }
        let has_content = super::states_length(parts.status);
        ActixResponse {
            status,
            reason: parts
                .extensions
                .get::<ReasonPhrase>()
                .map(|reason| reason.0),
            headers,
            body: has_content.then_some(bytes),
            document: parts.extensions.get::<ProblemDocument>().cloned(),
        }
    }

    /// The response as an `http` 1 response again, for [`ResponseContext`](crate::ResponseContext).
    pub(crate) fn to_http(&self) -> http::Response<Bytes> {
        let mut response = http::Response::new(self.body.clone().unwrap_or_default());
        *response.status_mut() = http::StatusCode::from_u16(self.status.as_u16())
            .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
        let headers = response.headers_mut();
        for (name, value) in &self.headers {
            let name = http::HeaderName::from_bytes(name.as_str().as_bytes());
            let value = http::HeaderValue::from_bytes(value.as_bytes());
            if let (Ok(name), Ok(value)) = (name, value) {
                headers.append(name, value);
            }
        }
        if let Some(reason) = self.reason {
            response.extensions_mut().insert(ReasonPhrase(reason));
        }
        if let Some(document) = &self.document {
            response.extensions_mut().insert(document.clone());
        }
        response
    }
}

impl fmt::Debug for ActixResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ActixResponse")
            .field("status", &self.status)
            .field("headers", &self.headers)
            .finish_non_exhaustive()
    }
}

impl fmt::Display for ActixResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let reason = self.reason.or(self.status.canonical_reason()).unwrap_or("");
        write!(f, "{} {reason}", self.status.as_str())
    }
}

impl ResponseError for ActixResponse {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse<BoxBody> {
        let body = match &self.body {
            Some(bytes) => bytes.clone().boxed(),
            None => actix_web::body::None::new().boxed(),
        };
        let mut response = HttpResponse::with_body(self.status, body);
        let headers = response.headers_mut();
        for (name, value) in &self.headers {
            headers.append(name.clone(), value.clone());
        }
        response.head_mut().reason = self.reason;
        // actix-web writes the Connection field from the connection type, not from the headers:
        // a sender of Upgrade also sends the "upgrade" connection option (RFC 9110 §7.8).
        if self.headers.contains_key(UPGRADE) {
            response
                .head_mut()
                .set_connection_type(ConnectionType::Upgrade);
        }
        response
    }
}

/// The fallback 500, as actix-web sends it.
impl actix_web::Responder for crate::FallbackResponse {
    type Body = BoxBody;

    fn respond_to(self, _: &actix_web::HttpRequest) -> HttpResponse<BoxBody> {
        ActixResponse::from_http(self.into_inner()).error_response()
    }
}

/// `From<T> for actix_web::Error` for one derived type; expanded by `__integrations!` when the
/// `actix-web` feature is on.
#[doc(hidden)]
#[macro_export]
macro_rules! __actix_web_integration {
    ([$($generics:tt)*] [$($ty:tt)*] [$($where:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* ::core::convert::From<$($ty)*> for $crate::__private::actix_web::Error $($where)* {
            fn from(value: $($ty)*) -> Self {
                let report = $crate::__report!(&value);
                $crate::__private::actix_web::Error::from($crate::ActixResponse::new(&value, report))
            }
        }
    };
}
