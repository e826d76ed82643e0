// A misspelled key is rejected with the closest known key.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum EventError {
    #[error("the event moved")]
    #[status(301, locaton = "/new-event")]
    Moved,
}

fn main() {}
