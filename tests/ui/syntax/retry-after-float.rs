// `Retry-After` is a whole number of seconds (RFC 9110 §10.2.3): a float is refused.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum CatalogError {
    #[error("re-indexing")]
    #[status(503, retry_after = 1.5)]
    Maintenance,
}

fn main() {}
