// Breaks "`type` is a URI reference" (RFC 9457 §3.1.1): `out of stock` is words, not a URI.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} is out of stock")]
    #[status(409, type = "out of stock")]
    OutOfStock { id: u64 },
}

fn main() {}
