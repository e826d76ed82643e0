// Breaks "`Allow` is a list of methods" (RFC 9110 §10.2.1): methods are separated by commas, not spaces.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("orders are read with GET or HEAD")]
    #[status(405, allow = "GET HEAD")]
    WrongMethod,
}

fn main() {}
