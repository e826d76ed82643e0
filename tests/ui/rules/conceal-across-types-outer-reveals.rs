// The inner type conceals; the outer type's own 404 has a `detail`: the error is on the
// variant that brings in the concealed answer.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum AuthError {
    #[error("not a librarian")]
    #[status(403, conceal = 404)]
    NotLibrarian,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error(transparent)]
    #[status(transparent)]
    Auth(#[from] AuthError),
    #[error("no such page")]
    #[status(404)]
    NoPage,
}

fn main() {}
