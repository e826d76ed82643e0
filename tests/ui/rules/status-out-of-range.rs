// Breaks "the code is 100..=599" (RFC 9110 §15): 4040 is a typo for 404, and 70000 does not even fit a u16.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} does not exist")]
    #[status(4040)]
    NotFound { id: u64 },

    #[error("the order service is down")]
    #[status(70000)]
    Down,
}

fn main() {}
