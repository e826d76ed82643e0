// Breaks "a `title` says something" (RFC 9457 §3.1.3): an empty title, even with its own `type`.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} is out of stock")]
    #[status(409, type = "https://shop.example/probs/out-of-stock", title = " ")]
    OutOfStock { id: u64 },
}

fn main() {}
