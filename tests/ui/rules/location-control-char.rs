// Breaks "static values are valid field values" (RFC 9110 §5.5): a CR LF in `location` would inject a header.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum EventError {
    #[error("/event moved to /new-event")]
    #[status(301, location = "/new-event\r\nSet-Cookie: session=stolen")]
    Moved,
}

fn main() {}
