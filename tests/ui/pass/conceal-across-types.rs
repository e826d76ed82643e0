// Concealment across types that holds, or that is opted out of, compiles: a real 404 that is a
// bare problem too, an `allow(distinguishable_conceal)` on the transparent variant that brings
// in the real 404, a transparent field of a generic type (checked at run time instead), and a
// concealed 404 beside real answers of other statuses only.
use status_core::{HttpStatus, check_concealment};

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum AuthError {
    #[error("not a librarian")]
    #[status(403, conceal = 404)]
    NotLibrarian,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum StoreError {
    #[error("book {0} does not exist")]
    #[status(404, detail = hidden)]
    NotFound(u64),
    #[error("the store is busy")]
    #[status(409)]
    Busy,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum LoudStoreError {
    #[error("book {0} does not exist")]
    #[status(404)]
    NotFound(u64),
}

/// The real 404 is as bare as the concealed one.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error(transparent)]
    #[status(transparent)]
    Auth(#[from] AuthError),
    #[error(transparent)]
    #[status(transparent)]
    Store(#[from] StoreError),
}

/// Opted out: the loud 404 is accepted on purpose.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum AdminError {
    #[error(transparent)]
    #[status(transparent)]
    Auth(#[from] AuthError),
    #[error(transparent)]
    #[status(transparent, allow(distinguishable_conceal))]
    Store(#[from] LoudStoreError),
}

/// Generic over the store: unknown when `GenericError` is compiled.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum GenericError<S: std::error::Error + HttpStatus> {
    #[error(transparent)]
    #[status(transparent)]
    Auth(AuthError),
    #[error(transparent)]
    #[status(transparent)]
    Store(S),
}

fn main() {
    let concealed = ApiError::Auth(AuthError::NotLibrarian).to_response();
    let real = ApiError::Store(StoreError::NotFound(7)).to_response();
    assert_eq!(concealed.status(), real.status());
    assert_eq!(concealed.headers(), real.headers());
    assert_eq!(concealed.body(), real.body());
    assert_eq!(check_concealment::<ApiError>(), Ok(()));
    assert!(check_concealment::<AdminError>().is_err());
    assert_eq!(check_concealment::<GenericError<StoreError>>(), Ok(()));
    let leak = check_concealment::<GenericError<LoudStoreError>>().unwrap_err();
    assert_eq!(leak.real, "LoudStoreError::NotFound");
}
