// Breaks "`title` goes with a `type`" (should, RFC 9457 §4.2.1): with type "about:blank" the title is the reason phrase.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} is out of stock")]
    #[status(409, title = "Out of stock")]
    OutOfStock { id: u64 },
}

fn main() {}
