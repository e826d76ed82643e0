// A variant without a status, and no enum-level default.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("no such order")]
    #[status(404)]
    NotFound,
    #[error("order cancelled")]
    Cancelled,
}

fn main() {}
