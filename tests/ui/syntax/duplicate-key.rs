// The same key twice in one #[status].
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum EventError {
    #[error("the event moved")]
    #[status(301, location = "/new-event", location = "/events/new")]
    Moved,
}

fn main() {}
