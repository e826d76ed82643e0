// A status set with nothing to pick its status at run time.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum BookError {
    #[error("the book is not valid JSON: {0}")]
    #[status(400 | 422 | 500)]
    Json(#[from] serde_json::Error),
}

fn main() {}
