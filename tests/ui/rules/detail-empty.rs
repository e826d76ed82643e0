// Breaks "a `detail` says something" (RFC 9457 §3.1.4): an empty fixed detail; `detail = hidden` sends none.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} is out of stock")]
    #[status(409, detail = "")]
    OutOfStock { id: u64 },
}

fn main() {}
