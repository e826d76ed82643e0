// An opt-out written as a key instead of inside allow(...).
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum EventError {
    #[error("the event moved")]
    #[status(301, missing_location)]
    Moved,
}

fn main() {}
