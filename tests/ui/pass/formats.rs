// A type names its format (on the enum without a default status, or on a struct with its code),
// a `const` can be a format, and `integrations = none` lets a type write its own framework impls.
use status_core::HttpStatus;
use status_core::format::{HtmlPage, Problem, RenderError, ResponseFormat};

pub struct PlainText;

impl ResponseFormat for PlainText {
    fn media_type(&self) -> &'static str {
        "text/plain; charset=utf-8"
    }

    fn render(&self, problem: &Problem<'_>, out: &mut Vec<u8>) -> Result<(), RenderError> {
        out.extend_from_slice(problem.detail().unwrap_or("").as_bytes());
        Ok(())
    }
}

pub const PLAIN: PlainText = PlainText;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(format = HtmlPage)]
pub enum BookError {
    #[error("book {0} does not exist")]
    #[status(404)]
    NotFound(u64),
    #[error("moved")]
    #[status(301, location = "/books/new")]
    Moved,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(409, format = PLAIN)]
#[error("the shelf is full")]
pub struct ShelfFull;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(404, format = status_core::format::ProblemJson, integrations = none)]
#[error("no such shelf")]
pub struct ShelfNotFound;

impl axum::response::IntoResponse for ShelfNotFound {
    fn into_response(self) -> axum::response::Response {
        (axum::http::StatusCode::GONE, "written by hand").into_response()
    }
}

impl actix_web::ResponseError for ShelfNotFound {}

// A transparent wrapper takes the type's keys too: its own format, and no generated impls.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error(transparent)]
#[status(transparent, format = PLAIN, integrations = none)]
pub struct Wrapped(BookError);

impl axum::response::IntoResponse for Wrapped {
    fn into_response(self) -> axum::response::Response {
        axum::http::StatusCode::IM_A_TEAPOT.into_response()
    }
}

fn main() {
    let page = BookError::NotFound(7).to_response();
    assert_eq!(page.headers()["content-type"], "text/html; charset=utf-8");
    assert!(String::from_utf8_lossy(page.body()).contains("book 7 does not exist"));
    let moved = BookError::Moved.to_response();
    assert!(moved.body().is_empty() && moved.headers().get("content-type").is_none());
    assert_eq!(ShelfFull.to_response().body().as_ref(), b"the shelf is full");
    assert_eq!(ShelfNotFound.to_response().headers()["content-type"], "application/problem+json");
    assert_eq!(axum::response::IntoResponse::into_response(ShelfNotFound).status(), 410);
    let wrapped = Wrapped(BookError::NotFound(7)).to_response();
    assert_eq!(wrapped.status(), 404);
    assert_eq!(wrapped.headers()["content-type"], "text/plain; charset=utf-8");
    assert_eq!(wrapped.body().as_ref(), b"book 7 does not exist");
}
