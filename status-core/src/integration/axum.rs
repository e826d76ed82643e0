//! axum 0.8: every derived type is an `IntoResponse`, so that a handler returns
//! `Result<T, MyError>` and axum sends the contract's response.
//!
//! ```
//! use axum::{Router, routing::get};
//! use status_core::HttpStatus;
//!
//! #[derive(Debug, thiserror::Error, HttpStatus)]
//! enum OrderError {
//!     #[error("order {0} does not exist")]
//!     #[status(404)]
//!     NotFound(u64),
//! }
//!
//! async fn order() -> Result<String, OrderError> {
//!     Err(OrderError::NotFound(7))
//! }
//!
//! let app: Router = Router::new().route("/order/7", get(order));
//! # let _ = app;
//! ```
//!
//! Responses without content (1xx, 204, 304) get a body that says it is empty without claiming
//! a length, so that axum adds no `Content-Length: 0` (RFC 9110 §8.6 forbids one on 204) and
//! hyper sends no DATA frame over HTTP/2. axum itself sends no body on HEAD.

use std::convert::Infallible;
use std::pin::Pin;
use std::task::{Context, Poll};

use axum_core::body::Body;
use axum_core::response::Response;
use bytes::Bytes;
use http_body::{Frame, SizeHint};

use super::Report;
use crate::HttpStatus;

/// The response of `value` for axum; called by the generated `IntoResponse` impl.
#[doc(hidden)]
pub fn into_response<T: HttpStatus + ?Sized>(value: &T, report: Report<'_>) -> Response {
    let (parts, bytes) = super::response_of(value, report).into_parts();
    let body = if super::states_length(parts.status) {
        Body::from(bytes)
    } else {
        Body::new(NoContent)
    };
    Response::from_parts(parts, body)
}

/// The fallback 500, as axum sends it.
impl axum_core::response::IntoResponse for crate::FallbackResponse {
    fn into_response(self) -> Response {
        self.into_inner().map(Body::from)
    }
}

/// The body of a response that has no content: it ends at once and claims no length.
struct NoContent;

impl http_body::Body for NoContent {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        Poll::Ready(None)
    }

    fn is_end_stream(&self) -> bool {
        true
    }

    fn size_hint(&self) -> SizeHint {
        // Not `SizeHint::with_exact(0)`: axum would turn an exact 0 into `Content-Length: 0`.
        SizeHint::default()
    }
}

/// `IntoResponse` for one derived type; expanded by `__integrations!` when the `axum` feature is
/// on.
#[doc(hidden)]
#[macro_export]
macro_rules! __axum_integration {
    ([$($generics:tt)*] [$($ty:tt)*] [$($where:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::axum_core::response::IntoResponse for $($ty)* $($where)* {
            fn into_response(self) -> $crate::__private::axum_core::response::Response {
                let report = $crate::__report!(&self);
                $crate::__private::axum::into_response(&self, report)
            }
        }
    };
}
