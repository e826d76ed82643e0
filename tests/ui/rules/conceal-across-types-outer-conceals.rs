// The outer type conceals its own 403; the inner type's 404 carries an extension member.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum StoreError {
    #[error("book {isbn} does not exist")]
    #[status(404, detail = hidden)]
    NotFound {
        #[extension]
        isbn: String,
    },
}

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("not a librarian")]
    #[status(403, conceal = 404)]
    NotLibrarian,
    #[error(transparent)]
    #[status(transparent)]
    Store(#[from] StoreError),
}

fn main() {}
