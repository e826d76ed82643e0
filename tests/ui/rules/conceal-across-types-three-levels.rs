// The conceal two types down (ApiError -> GuardError -> AuthError), the real 404 through a
// `Box`.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum AuthError {
    #[error("not a librarian")]
    #[status(403, conceal = 404)]
    NotLibrarian,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum GuardError {
    #[error(transparent)]
    #[status(transparent)]
    Auth(#[from] AuthError),
    #[error("too many attempts")]
    #[status(429)]
    TooMany,
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
    Guard(#[from] GuardError),
    #[error(transparent)]
    #[status(transparent)]
    Store(Box<StoreError>),
}

fn main() {}
