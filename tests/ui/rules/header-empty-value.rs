// Breaks "static values are valid field values" (RFC 9110 §5.5): an empty fixed value says nothing.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} does not exist")]
    #[status(404, headers(CACHE_CONTROL = ""))]
    NotFound { id: u64 },
}

fn main() {}
