// A classifier answers a `StatusCode`, not a number: the compiler says so on the path.
use status_core::HttpStatus;

fn by_category(error: &serde_json::Error) -> u16 {
    if error.is_syntax() { 400 } else { 422 }
}

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum BookError {
    #[error("the book is not valid JSON: {0}")]
    #[status(400 | 422, classify = by_category)]
    Json(#[from] serde_json::Error),
}

fn main() {}
