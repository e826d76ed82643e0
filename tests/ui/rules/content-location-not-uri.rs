// Breaks "`Content-Location` is a URI reference" (RFC 9110 §8.7, RFC 3986 §2): a fixed value is
// checked like a value from a field, so a space must be percent-encoded here too.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum CatalogError {
    #[error("the catalog moved to its archive")]
    #[status(410, headers(CONTENT_LOCATION = "/catalog archive"))]
    Archived,
}

fn main() {}
