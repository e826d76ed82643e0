// A status name behind a path that is not `StatusCode::` would be read without its prefix.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("no such order")]
    #[status(orders::NOT_FOUND)]
    NotFound,
}

fn main() {}
