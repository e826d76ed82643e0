// Breaks "`body = none` sends no problem": a `title` that would go nowhere (and has no `type` either).
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} is out of stock")]
    #[status(409, body = none, title = "Out of stock")]
    OutOfStock { id: u64 },
}

fn main() {}
