// A tuple field has no name to become a member name.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {0} does not exist")]
    #[status(404)]
    NotFound(#[extension] u64),
}

fn main() {}
