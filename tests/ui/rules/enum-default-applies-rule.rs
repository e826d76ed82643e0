// Breaks "401 has WWW-Authenticate" (RFC 9110 §15.5.2) in an enum-level default: reported once, not once per variant.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(401)]
pub enum SignInError {
    #[error("sign in to see your orders")]
    SignInRequired,

    #[error("your session expired")]
    SessionExpired,

    #[error("your password was changed")]
    PasswordChanged,

    #[error("order {id} does not exist")]
    #[status(404)]
    NotFound { id: u64 },
}

fn main() {}
