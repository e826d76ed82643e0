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


// The same through a reference: `&Option<_>` is as optional as `Option<_>`.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ProxyAuthError<'a> {
    #[error("sign in to the proxy")]
    #[status(407)]
    ProxySignIn {
        #[header(PROXY_AUTHENTICATE)]
        challenge: &'a Option<String>,
    },
}
fn main() {}
