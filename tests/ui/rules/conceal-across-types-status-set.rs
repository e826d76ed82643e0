// A status set that holds 404 writes its `detail`: one status of the set tells the concealed
// 403 apart.
use status_core::HttpStatus;
use status_core::http::StatusCode;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum AuthError {
    #[error("not a librarian")]
    #[status(403, conceal = 404)]
    NotLibrarian,
}

#[derive(Debug, thiserror::Error)]
#[error("no row")]
pub struct DbError;

fn db_status(_: &DbError) -> StatusCode {
    StatusCode::NOT_FOUND
}

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum StoreError {
    #[error("the catalogue: {0}")]
    #[status(404 | 503, classify = db_status)]
    Catalogue(#[from] DbError),
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
