// Breaks "`Location` is a URI reference" (RFC 3986 §4.2): `1st:` is not a scheme, so a relative path with a colon needs "./".
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum EventError {
    #[error("/event moved to the first sale")]
    #[status(301, location = "1st:sale")]
    Moved,
}

fn main() {}
