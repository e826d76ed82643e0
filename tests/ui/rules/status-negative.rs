// Breaks "the code is 100..=599" (RFC 9110 §15): a status code is never negative.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} does not exist")]
    #[status(-404)]
    NotFound { id: u64 },
}

fn main() {}
