//! axum's `Json`, `Form`, `Query` and `Path`, rejecting with a [`Rejection`]: a problem with the
//! right status, never axum's `422 text/plain`.
//!
//! ```
//! use axum::Router;
//! use axum::routing::post;
//! use serde::{Deserialize, Serialize};
//! use status_core::extract::axum::Json; // was: use axum::Json;
//!
//! #[derive(Deserialize, Serialize)]
//! struct Book {
//!     title: String,
//!     pages: u16,
//! }
//!
//! async fn add_book(Json(book): Json<Book>) -> Json<Book> {
//!     Json(book)
//! }
//!
//! let app: Router = Router::new().route("/books", post(add_book));
//! # let _ = app;
//! ```
//!
//! | request | axum's answer | this one's |
//! |---|---|---|
//! | body not JSON | 400 `text/plain` | 400 problem, `detail` with the position |
//! | JSON of the wrong shape | 422 `text/plain` | 422 problem, `detail` with the field and position |
//! | no `Content-Type: application/json` | 415 `text/plain` | 415 problem with `Accept-Post` (or `Accept-Patch`) |
//! | body over the limit | 413 `text/plain` | 413 problem |
//! | path or query that does not parse | 400 `text/plain` | 400 problem |

use axum::extract::rejection::{FormRejection, JsonRejection, PathRejection, QueryRejection};
use axum::extract::{
    FromRequest, FromRequestParts, OptionalFromRequest, OptionalFromRequestParts, Request,
};
use axum_core::response::{IntoResponse, Response};
use http::request::Parts;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::Rejection;

macro_rules! from_rejection {
    ($($rejection:ty),*) => {$(
        /// The rejection as a problem, with the status axum gives it and its text as `detail`.
        impl From<$rejection> for Rejection {
            fn from(rejection: $rejection) -> Rejection {
                Rejection::new(rejection.status(), rejection.body_text())
            }
        }
    )*};
}

from_rejection!(JsonRejection, FormRejection, QueryRejection, PathRejection);

macro_rules! wrapper {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name<T>(pub T);
        super::newtype!($name);
    };
}

wrapper! {
    /// axum's [`Json`](axum::Json) extractor and response, rejecting with a [`Rejection`]: 400
    /// for a body that is not JSON, 422 for JSON of the wrong shape, 415 with `Accept-Post` or
    /// `Accept-Patch: application/json` without `Content-Type: application/json`, 413 over
    /// the body limit.
    Json
}

wrapper! {
    /// axum's [`Form`](axum::Form) extractor and response, rejecting with a [`Rejection`]: 415
    /// with `Accept-Post` or `Accept-Patch: application/x-www-form-urlencoded`, 422 for a form
    /// body of the wrong shape, 400 for a query that does not parse, 413 over the body limit.
    Form
}

wrapper! {
    /// axum's [`Query`](axum::extract::Query) extractor, rejecting with a 400 [`Rejection`]
    /// that names the parameter at fault.
    Query
}

wrapper! {
    /// axum's [`Path`](axum::extract::Path) extractor, rejecting with a 400 [`Rejection`] that
    /// names the segment at fault (a 500 without detail when the extractor does not fit its
    /// route).
    Path
}

/// The media type a JSON route takes, for `Accept-Post` and `Accept-Patch`.
const JSON: &str = "application/json";
/// The media type a form route takes.
const FORM: &str = "application/x-www-form-urlencoded";

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Rejection> {
        let method = request.method().clone();
        match <axum::Json<T> as FromRequest<S>>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(Json(value)),
            Err(rejection) => Err(Rejection::from(rejection).with_accepted(method.as_str(), JSON)),
        }
    }
}

/// `Option<Json<T>>`: `None` without a `Content-Type`, as axum's; a body that cannot be read is
/// still a rejection.
impl<T, S> OptionalFromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request(request: Request, state: &S) -> Result<Option<Self>, Rejection> {
        let method = request.method().clone();
        match <axum::Json<T> as OptionalFromRequest<S>>::from_request(request, state).await {
            Ok(value) => Ok(value.map(|axum::Json(value)| Json(value))),
            Err(rejection) => Err(Rejection::from(rejection).with_accepted(method.as_str(), JSON)),
        }
    }
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

impl<T, S> FromRequest<S> for Form<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Rejection> {
        let method = request.method().clone();
        match axum::Form::<T>::from_request(request, state).await {
            Ok(axum::Form(value)) => Ok(Form(value)),
            Err(rejection) => Err(Rejection::from(rejection).with_accepted(method.as_str(), FORM)),
        }
    }
}

impl<T: Serialize> IntoResponse for Form<T> {
    fn into_response(self) -> Response {
        axum::Form(self.0).into_response()
    }
}

impl<T, S> FromRequestParts<S> for Query<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Query(value)| Query(value))
            .map_err(Rejection::from)
    }
}

/// `Option<Path<T>>`: `None` on a route without parameters, as axum's.
impl<T, S> OptionalFromRequestParts<S> for Path<T>
where
    T: DeserializeOwned + Send + 'static,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Option<Self>, Rejection> {
        <axum::extract::Path<T> as OptionalFromRequestParts<S>>::from_request_parts(parts, state)
            .await
            .map(|value| value.map(|axum::extract::Path(value)| Path(value)))
            .map_err(Rejection::from)
    }
}

impl<T, S> FromRequestParts<S> for Path<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Rejection> {
        <axum::extract::Path<T> as FromRequestParts<S>>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Path(value)| Path(value))
            .map_err(Rejection::from)
    }
}
