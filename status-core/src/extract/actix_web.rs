//! actix-web's `Json`, `Form`, `Query` and `Path`, rejecting with a [`Rejection`]: a problem with
//! the right status, never actix-web's `text/plain`.
//!
//! ```
//! use actix_web::{App, post, web};
//! use serde::{Deserialize, Serialize};
//! use status_core::extract::actix_web::Json; // was: use actix_web::web::Json;
//!
//! #[derive(Deserialize, Serialize)]
//! struct Book {
//!     title: String,
//!     pages: u16,
//! }
//!
//! #[post("/books")]
//! async fn add_book(Json(book): Json<Book>) -> Json<Book> {
//!     Json(book)
//! }
//!
//! let app = App::new().service(add_book);
//! # let _ = app;
//! ```
//!
//! The statuses are axum's extractors' (see [`extract`](crate::extract)): 400 for a body that
//! is not JSON, 422 for JSON or a form of the wrong shape, 415 with `Accept-Post` or
//! `Accept-Patch`, 411 and 413 for a body whose length is unknown or over the limit, 400 for a
//! path or query that does not parse (actix-web's own `Path` answers 404). An error handler
//! configured with `JsonConfig` and the like runs first; what it returns is answered with its
//! status, as a `Rejection`. The errors convert on their own too, for such a handler:
//! `JsonConfig::default().error_handler(|error, _| Rejection::from(error).into())`.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError, UrlencodedError};
use actix_web::{FromRequest, HttpRequest, HttpResponse, Responder, ResponseError, web};
use http::StatusCode;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::Rejection;
use crate::classify::json_error;

/// The media type a JSON route takes, for `Accept-Post` and `Accept-Patch`.
const JSON: &str = "application/json";
/// The media type a form route takes.
const FORM: &str = "application/x-www-form-urlencoded";

/// The status actix-web gives `error`, in the `http` crate this one builds on.
fn status_of(error: &dyn ResponseError) -> StatusCode {
    StatusCode::from_u16(error.status_code().as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// A JSON body as a problem: 400 or 422 by the category of serde's error, 415, 413.
impl From<JsonPayloadError> for Rejection {
    fn from(error: JsonPayloadError) -> Rejection {
        json_rejection(&error)
    }
}

fn json_rejection(error: &JsonPayloadError) -> Rejection {
    Rejection::new(json_status(error), error.to_string())
}

/// A JSON body's status: 415, 400 or 422 by serde's category, 413, 500 for a failure to write.
pub(crate) fn json_status(error: &JsonPayloadError) -> StatusCode {
    match error {
        JsonPayloadError::ContentType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        JsonPayloadError::Deserialize(inner) => json_error(inner),
        other => status_of(other),
    }
}

/// A form body as a problem: 422 for one of the wrong shape, 415, 413, 411.
impl From<UrlencodedError> for Rejection {
    fn from(error: UrlencodedError) -> Rejection {
        form_rejection(&error)
    }
}

fn form_rejection(error: &UrlencodedError) -> Rejection {
    Rejection::new(form_status(error), error.to_string())
}

/// A form body's status: 422 for one of the wrong shape, else actix-web's (415, 413, 411, 400).
pub(crate) fn form_status(error: &UrlencodedError) -> StatusCode {
    match error {
        UrlencodedError::Parse(_) => StatusCode::UNPROCESSABLE_ENTITY,
        other => status_of(other),
    }
}

/// A query or a path that does not parse: 400, whatever the error.
pub(crate) fn bad_request<E: ?Sized>(_: &E) -> StatusCode {
    StatusCode::BAD_REQUEST
}

/// A query string that does not parse: 400.
impl From<QueryPayloadError> for Rejection {
    fn from(error: QueryPayloadError) -> Rejection {
        Rejection::new(bad_request(&error), error.to_string())
    }
}

/// A path that does not parse: 400.
impl From<PathError> for Rejection {
    fn from(error: PathError) -> Rejection {
        Rejection::new(bad_request(&error), error.to_string())
    }
}

/// `error` as actix-web's extractor returned it: one of its own errors, or what a configured
/// error handler made of it.
fn rejection(error: &actix_web::Error) -> Rejection {
    if let Some(json) = error.as_error::<JsonPayloadError>() {
        json_rejection(json)
    } else if let Some(form) = error.as_error::<UrlencodedError>() {
        form_rejection(form)
    } else {
        Rejection::new(status_of(error.as_response_error()), error.to_string())
    }
}

macro_rules! wrapper {
    ($(#[$doc:meta])* $name:ident, $inner:ident, $accepted:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name<T>(pub T);
        super::newtype!($name);

        impl<T: DeserializeOwned + 'static> FromRequest for $name<T> {
            type Error = Rejection;
            type Future = Pin<Box<dyn Future<Output = Result<Self, Rejection>>>>;

            fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
                let accepted: Option<&'static str> = $accepted;
                let method = request.method().clone();
                let extracted = web::$inner::<T>::from_request(request, payload);
                Box::pin(async move {
                    match extracted.await {
                        Ok(value) => Ok($name(value.into_inner())),
                        Err(error) => {
                            let rejected = rejection(&error);
                            Err(match accepted {
                                Some(media_type) => rejected.with_accepted(method.as_str(), media_type),
                                None => rejected,
                            })
                        }
                    }
                })
            }
        }
    };
}

wrapper! {
    /// actix-web's [`Json`](actix_web::web::Json) extractor and responder, rejecting with a
    /// [`Rejection`]: 400 for a body that is not JSON, 422 for JSON of the wrong shape, 415 with
    /// `Accept-Post` or `Accept-Patch: application/json`, 413 over the limit.
    Json, Json, Some(JSON)
}

wrapper! {
    /// actix-web's [`Form`](actix_web::web::Form) extractor and responder, rejecting with a
    /// [`Rejection`]: 422 for a form of the wrong shape, 415 with `Accept-Post` or
    /// `Accept-Patch: application/x-www-form-urlencoded`, 411, 413.
    Form, Form, Some(FORM)
}

wrapper! {
    /// actix-web's [`Query`](actix_web::web::Query) extractor, rejecting with a 400
    /// [`Rejection`] that names the parameter at fault.
    Query, Query, None
}

wrapper! {
    /// actix-web's [`Path`](actix_web::web::Path) extractor, rejecting with a 400
    /// [`Rejection`] that names the segment at fault.
    Path, Path, None
}

impl<T: Serialize> Responder for Json<T> {
    type Body = <web::Json<T> as Responder>::Body;

    fn respond_to(self, request: &HttpRequest) -> HttpResponse<Self::Body> {
        web::Json(self.0).respond_to(request)
    }
}

impl<T: Serialize> Responder for Form<T> {
    type Body = <web::Form<T> as Responder>::Body;

    fn respond_to(self, request: &HttpRequest) -> HttpResponse<Self::Body> {
        web::Form(self.0).respond_to(request)
    }
}
