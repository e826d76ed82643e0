// Breaks "401 has WWW-Authenticate" (RFC 9110 §15.5.2, §11.6.1): the client is not told how to sign in.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("sign in to see your orders")]
    #[status(401)]
    SignInRequired,
}

fn main() {}
