// Breaks "405 has Allow" (RFC 9110 §15.5.6, §10.2.1): the client is not told which methods work.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("orders are placed with POST")]
    #[status(METHOD_NOT_ALLOWED)]
    WrongMethod,
}

fn main() {}
