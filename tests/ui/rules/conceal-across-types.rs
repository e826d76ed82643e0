// A 403 concealed as 404 in one type, and a real 404 with a `detail` in another, both brought
// into one type by `transparent`: a client tells "forbidden" from "missing" (RFC 9110 §15.5.4).
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
    Auth(#[from] AuthError),
    #[error(transparent)]
    #[status(transparent)]
    Store(#[from] StoreError),
}

fn main() {}
