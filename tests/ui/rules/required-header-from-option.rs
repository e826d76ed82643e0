// A 401 whose only challenge is an Option field goes out without WWW-Authenticate when it is None
// (RFC 9110 §15.5.2).
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum AuthError {
    #[error("sign in to see your orders")]
    #[status(401)]
    SignInRequired {
        #[header(WWW_AUTHENTICATE)]
        challenge: Option<String>,
    },
}

fn main() {}
