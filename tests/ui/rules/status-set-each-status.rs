// Each status of a set is checked as if it were a variant's own: the 401 of this set has no
// `WWW-Authenticate` challenge (RFC 9110 §15.5.2), whatever the 400 and 403 say.
use status_core::HttpStatus;
use status_core::http::StatusCode;

#[derive(Debug, thiserror::Error)]
#[error("token rejected")]
pub struct TokenError;

fn classify_token(_: &TokenError) -> StatusCode {
    StatusCode::UNAUTHORIZED
}

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum SessionError {
    #[error("the session token is not valid")]
    #[status(400 | 401 | 403, classify = classify_token)]
    Token(#[from] TokenError),
}

fn main() {}
