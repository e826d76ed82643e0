//! tower: [`ResponseContext`] is a `Layer`, so that axum, hyper and every server on tower finish
//! each problem in its request's context with one `.layer(...)`.
//!
//! ```
//! use axum::{Router, routing::get};
//! use status_core::{HttpStatus, ResponseContext};
//!
//! #[derive(Debug, thiserror::Error, HttpStatus)]
//! enum BookError {
//!     #[error("book {0} does not exist")]
//!     #[status(404)]
//!     NotFound(u64),
//! }
//!
//! async fn book() -> Result<String, BookError> {
//!     Err(BookError::NotFound(7))
//! }
//!
//! // Browsers get an HTML page, API clients RFC 9457 JSON; `instance` is the `x-request-id`.
//! let app: Router = Router::new().route("/books/7", get(book)).layer(ResponseContext::new());
//! # let _ = app;
//! ```
//!
//! Add it with `Router::layer` (or `route_layer`): axum answers HEAD outside it, so that a HEAD
//! gets the header fields of the GET's answer. The layer reads a problem's content only when it
//! changes it (another format, or an `instance` to add), and only when the body says its exact
//! length, up to 1 MiB (every response built here does); anything else passes through
//! untouched, body and all. The request's id is read on the way in: a layer that sets it
//! (tower-http's `SetRequestIdLayer`) goes outside this one (`.layer(ResponseContext::new())`
//! first, then `.layer(SetRequestIdLayer::x_request_id(...))`). With the
//! `tracing` feature, the inner service runs in an error-level span `request` with the
//! request's `method`, `path` (without the query, which may carry secrets) and `request_id`,
//! so that the integrations' log line of a 5xx carries them.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::Bytes;
use http::{Request, Response};
use http_body::{Body, Frame, SizeHint};
use http_body_util::BodyExt;

use crate::context::{RequestContext, ResponseContext};

/// The most a layer reads of a problem to write it anew.
const MAX_PROBLEM: u64 = 1 << 20;

/// An error of a response body, as tower bodies carry them.
type BoxError = Box<dyn std::error::Error + Send + Sync>;

impl<S> tower_layer::Layer<S> for ResponseContext {
    type Service = ResponseContextService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        ResponseContextService {
            inner,
            context: self.clone(),
        }
    }
}

/// The service [`ResponseContext`]'s layer wraps around another: it finishes each response of
/// the inner service in its request's context.
#[derive(Clone, Debug)]
pub struct ResponseContextService<S> {
    inner: S,
    context: ResponseContext,
}

impl<S, ReqBody, ResBody> tower_service::Service<Request<ReqBody>> for ResponseContextService<S>
where
    S: tower_service::Service<Request<ReqBody>, Response = Response<ResBody>>,
    S::Future: Send + 'static,
    ResBody: Body<Data = Bytes> + Send + 'static,
    ResBody::Error: Into<BoxError>,
{
    type Response = Response<ContextBody<ResBody>>;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<ReqBody>) -> Self::Future {
        let context = self.context.for_request(request.headers());
        #[cfg(feature = "tracing")]
        let span =
            super::log::request_span(request.method().as_str(), request.uri().path(), &context);
        #[cfg(feature = "tracing")]
        let entered = span.enter();
        let response = self.inner.call(request);
        #[cfg(feature = "tracing")]
        drop(entered);
        let future = async move {
            let response = response.await?;
            Ok(finish(&context, response).await)
        };
        #[cfg(feature = "tracing")]
        let future = tracing::Instrument::instrument(future, span);
        Box::pin(future)
    }
}

/// `response` in `context`: untouched unless it is a problem to change, whose content is then
/// read and written anew.
async fn finish<B>(context: &RequestContext, response: Response<B>) -> Response<ContextBody<B>>
where
    B: Body<Data = Bytes>,
    B::Error: Into<BoxError>,
{
    let (mut parts, body) = response.into_parts();
    let Some(plan) = context.plan(parts.status, &parts.headers, &parts.extensions) else {
        return Response::from_parts(parts, ContextBody::inner(body));
    };
    if !plan.rewrites() {
        plan.vary(&mut parts.headers);
        return Response::from_parts(parts, ContextBody::inner(body));
    }
    if body.size_hint().exact().is_none_or(|len| len > MAX_PROBLEM) {
        // Left in the format it is in, whatever `Accept` says: it does not vary.
        return Response::from_parts(parts, ContextBody::inner(body));
    }
    // A body that claims a length and sends more is cut off at the limit, as an error.
    match http_body_util::Limited::new(body, MAX_PROBLEM as usize)
        .collect()
        .await
    {
        Ok(collected) => {
            let response = Response::from_parts(parts, collected.to_bytes());
            context
                .finish_planned(&plan, response)
                .map(ContextBody::full)
        }
        // The content is lost: the honest answer is a server error.
        Err(_) => crate::fallback_response()
            .into_inner()
            .map(ContextBody::full),
    }
}

pin_project_lite::pin_project! {
    /// The body of a response that went through [`ResponseContext`]'s layer: the inner
    /// service's own, or a problem written anew.
    pub struct ContextBody<B> {
        #[pin]
        inner: Option<B>,
        full: Option<Bytes>,
    }
}

impl<B> ContextBody<B> {
    fn inner(body: B) -> Self {
        ContextBody {
            inner: Some(body),
            full: None,
        }
    }

    fn full(bytes: Bytes) -> Self {
        ContextBody {
            inner: None,
            full: Some(bytes),
        }
    }
}

impl<B> Body for ContextBody<B>
where
    B: Body<Data = Bytes>,
    B::Error: Into<BoxError>,
{
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        let this = self.project();
        match this.inner.as_pin_mut() {
            Some(inner) => inner.poll_frame(cx).map_err(Into::into),
            None => Poll::Ready(
                this.full
                    .take()
                    .filter(|b| !b.is_empty())
                    .map(|b| Ok(Frame::data(b))),
            ),
        }
    }

    fn is_end_stream(&self) -> bool {
        match &self.inner {
            Some(inner) => inner.is_end_stream(),
            None => self.full.as_ref().is_none_or(Bytes::is_empty),
        }
    }

    fn size_hint(&self) -> SizeHint {
        match &self.inner {
            Some(inner) => inner.size_hint(),
            None => SizeHint::with_exact(self.full.as_ref().map_or(0, |b| b.len() as u64)),
        }
    }
}
