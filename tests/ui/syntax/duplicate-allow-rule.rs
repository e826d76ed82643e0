// The same rule allowed twice.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum EventError {
    #[error("the event moved")]
    #[status(301, allow(missing_location, missing_location))]
    Moved,
}

fn main() {}
