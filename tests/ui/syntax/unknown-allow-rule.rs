// A misspelled rule in allow(...).
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum EventError {
    #[error("the event moved")]
    #[status(301, allow(missing_locaton))]
    Moved,
}

fn main() {}
