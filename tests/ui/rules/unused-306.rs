// Breaks "no 306" (RFC 9110 §15.4.7): 306 is reserved and no longer used.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum EventError {
    #[error("/event moved to /new-event")]
    #[status(306)]
    Moved,
}

fn main() {}
