// #[location] belongs on a field, not on the type.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(303)]
#[location]
#[error("order placed")]
pub struct OrderPlaced {
    target: String,
}

fn main() {}
