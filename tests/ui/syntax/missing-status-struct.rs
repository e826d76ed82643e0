// A struct without #[status].
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("no such order")]
pub struct OrderNotFound {
    id: u64,
}

fn main() {}
