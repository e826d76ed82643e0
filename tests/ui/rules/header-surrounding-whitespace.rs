// Breaks "static values are valid field values" (RFC 9110 §5.5): recipients strip the leading space, so the value changes.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} does not exist")]
    #[status(404, headers(CACHE_CONTROL = " no-store"))]
    NotFound { id: u64 },
}

fn main() {}
