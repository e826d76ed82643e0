//! [`ResponseContext`] as an actix-web middleware.

use std::future::{Future, Ready, ready};
use std::pin::Pin;
use std::rc::Rc;

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform, forward_ready};
use actix_web::http::header::{ACCEPT, CONTENT_LENGTH, CONTENT_TYPE, HeaderValue, VARY};

use super::ActixResponse;
use crate::context::{RequestContext, ResponseContext, varies_with_accept};

/// `App::new().wrap(ResponseContext::new())`: every response made from a derived type's error
/// is finished in its request's context: the format `Accept` prefers, `instance` from the
/// request's id, and (with `tracing`) the request in the log line of a 5xx.
///
/// ```
/// use actix_web::{App, get};
/// use status_core::{HttpStatus, ResponseContext};
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// #[error("book {0} does not exist")]
/// #[status(404)]
/// struct BookNotFound(u64);
///
/// #[get("/books/7")]
/// async fn book() -> Result<String, BookNotFound> {
///     Err(BookNotFound(7))
/// }
///
/// let app = App::new().wrap(ResponseContext::new()).service(book);
/// # let _ = app;
/// ```
///
/// It changes only responses that carry a derived type's error (an [`ActixResponse`]): those a
/// handler returns (`Result<T, MyError>`, `?`). actix-web's own errors, every other response, and
/// an error an inner middleware returns as `Err` (actix-web turns that into a response outside
/// every middleware) pass through as they are.
impl<S, B> Transform<S, ServiceRequest> for ResponseContext
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = actix_web::Error;
    type Transform = ResponseContextMiddleware<S>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, ()>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(ResponseContextMiddleware {
            service: Rc::new(service),
            context: self.clone(),
        }))
    }
}

/// The service [`ResponseContext`] wraps around another in actix-web.
pub struct ResponseContextMiddleware<S> {
    service: Rc<S>,
    context: ResponseContext,
}

impl<S, B> Service<ServiceRequest> for ResponseContextMiddleware<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Self::Error>>>>;

    forward_ready!(service);

    fn call(&self, request: ServiceRequest) -> Self::Future {
        let context = request_context(&self.context, &request);
        #[cfg(feature = "tracing")]
        let span = crate::integration::log::request_span(
            request.method().as_str(),
            request.path(),
            &context,
        );
        #[cfg(feature = "tracing")]
        let entered = span.enter();
        let response = self.service.call(request);
        #[cfg(feature = "tracing")]
        drop(entered);
        let future = async move { Ok(finish(&context, response.await?)) };
        #[cfg(feature = "tracing")]
        let future = tracing::Instrument::instrument(future, span);
        Box::pin(future)
    }
}

/// What `context` keeps of `request`: its `Accept` fields and its id, in `http` 1's types.
fn request_context(context: &ResponseContext, request: &ServiceRequest) -> RequestContext {
    let headers = request.headers();
    let accept = headers
        .get_all(ACCEPT)
        .filter_map(|value| http::HeaderValue::from_bytes(value.as_bytes()).ok());
    let request_id = context
        .request_id_name()
        .and_then(|name| headers.get(name.as_str()))
        .and_then(|value| http::HeaderValue::from_bytes(value.as_bytes()).ok());
    context.for_fields(accept, request_id.as_ref())
}

/// `response` finished in `context` when it carries a derived type's error; as it is otherwise.
/// The response is changed in place (what middlewares inside this one added stays): `Vary`, and,
/// when the format or the `instance` changes, the content and its type.
fn finish<B>(
    context: &RequestContext,
    response: ServiceResponse<B>,
) -> ServiceResponse<EitherBody<B>> {
    let carried = response
        .response()
        .error()
        .and_then(|error| error.as_error::<ActixResponse>())
        .map(ActixResponse::to_http);
    let Some(carried) = carried else {
        return response.map_into_left_body();
    };
    let Some(plan) = context.plan(carried.status(), carried.headers(), carried.extensions()) else {
        return response.map_into_left_body();
    };
    let rewrites = plan.rewrites();
    let finished = context.finish_planned(&plan, carried);
    let (request, mut answer) = response.into_parts();
    let headers = answer.headers_mut();
    let listed = varies_with_accept(headers.get_all(VARY).map(|value| value.as_bytes()));
    if plan.varies() && !listed {
        headers.append(VARY, HeaderValue::from_static("accept"));
    }
    if !rewrites {
        return ServiceResponse::new(request, answer).map_into_left_body();
    }
    let (parts, body) = finished.into_parts();
    if let Some(content_type) = parts.headers.get(http::header::CONTENT_TYPE) {
        if let Ok(content_type) = HeaderValue::from_bytes(content_type.as_bytes()) {
            headers.insert(CONTENT_TYPE, content_type);
        }
    }
    headers.remove(CONTENT_LENGTH);
    let answer = answer.set_body(BoxBody::new(body));
    ServiceResponse::new(request, answer).map_into_right_body()
}
