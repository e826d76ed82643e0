// Breaks "`Location` is a URI reference" (RFC 9110 §10.2.2, RFC 3986 §2): a space must be percent-encoded.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum EventError {
    #[error("/event moved to /new event")]
    #[status(301, location = "/new event")]
    Moved,
}

fn main() {}
