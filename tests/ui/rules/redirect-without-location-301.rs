// Breaks "301 has a Location" (should, RFC 9110 §15.4.2): /event moved to /new-event, but the redirect does not say where.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum EventError {
    #[error("/event moved to /new-event")]
    #[status(301)]
    Moved,
}

fn main() {}
