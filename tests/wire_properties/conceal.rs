//! Concealment across types: a 403 concealed two types down (`ApiError` -> `GuardError` ->
//! `AuthError`) answers byte for byte what a real 404 brought in through `Box<StoreError>`
//! answers, in every format and context, whatever the values inside them; the run-time check
//! agrees with the compiler's; and the OpenAPI description of the 404 says nothing of the 403.
//! Shared by the property tests and the `response` fuzz target.

use status_core::openapi::Responses;
use status_core::{HttpStatus, check_concealment};

use super::Checked;
use super::formats::alike_in_every_context;

/// The concealing type, two levels down.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum AuthError {
    /// Only librarians may see the stacks.
    #[error("{0} is not a librarian")]
    #[status(403, conceal = 404)]
    NotLibrarian(String),
}

/// Between the two: its own 429, and the concealing type.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum GuardError {
    #[error(transparent)]
    #[status(transparent)]
    Auth(#[from] AuthError),
    #[error("too many attempts")]
    #[status(429, retry_after = 60)]
    TooMany,
}

/// The real 404: a bare problem, as the concealed one.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum StoreError {
    #[error("book {0} does not exist")]
    #[status(404, detail = hidden)]
    NotFound(String),
    #[error("the shelf is being moved")]
    #[status(409)]
    Moving,
}

/// The outer type: both brought in by `transparent`, one through a `Box`.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error(transparent)]
    #[status(transparent)]
    Guard(#[from] GuardError),
    #[error(transparent)]
    #[status(transparent)]
    Store(Box<StoreError>),
}

/// The concealed 403 and the real 404 answer alike in every context; the run-time check finds
/// nothing; the description of 404 names nothing of the 403.
pub fn conceal_holds_across_types(
    hidden: &str,
    missing: &str,
    accept: &str,
    request_id: &str,
) -> Checked {
    alike_in_every_context(
        || ApiError::Guard(GuardError::Auth(AuthError::NotLibrarian(hidden.to_owned()))),
        || ApiError::Store(Box::new(StoreError::NotFound(missing.to_owned()))),
        accept,
        request_id,
    )?;
    check_concealment::<ApiError>().map_err(|leak| leak.to_string())?;
    // The siblings of the pair answer their own statuses through the same chains.
    let too_many = ApiError::Guard(GuardError::TooMany).status();
    ensure!(too_many == 429, "GuardError::TooMany answers {too_many}");
    let moving = ApiError::Store(Box::new(StoreError::Moving)).status();
    ensure!(moving == 409, "StoreError::Moving answers {moving}");
    let not_found = Responses::of::<ApiError>().to_json()["404"].to_string();
    for told in ["403", "Forbidden", "AuthError", "NotLibrarian", "librarian"] {
        ensure!(
            !not_found.contains(told),
            "the 404's description names {told}: {not_found}"
        );
    }
    Ok(())
}
