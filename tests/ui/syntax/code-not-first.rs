// The status code must come first.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum EventError {
    #[error("the event moved")]
    #[status(location = "/new-event", 301)]
    Moved,
}

fn main() {}
