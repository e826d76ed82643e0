// `location` takes a string.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum EventError {
    #[error("the event moved")]
    #[status(301, location = 42)]
    Moved,
}

fn main() {}
