// Breaks "no 2xx on an error type" (should, RFC 9110 §15.3): a failure answered with 200 reports success.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} does not exist")]
    #[status(200)]
    NotFound { id: u64 },
}

// Named `...Error`, without thiserror: an error type too.
#[derive(Debug, HttpStatus)]
#[status(CREATED)]
pub struct CheckoutError;

fn main() {}
