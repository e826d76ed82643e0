// The same pair in the other order: the error is on the variant that brings in the real 404.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum AuthError {
    #[error("not a librarian")]
    #[status(403, conceal = 404)]
    NotLibrarian,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum StoreError {
    #[error("book {0} does not exist")]
    #[status(404)]
    NotFound(u64),
}

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error(transparent)]
    #[status(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    #[status(transparent)]
    Auth(#[from] AuthError),
}

fn main() {}
