// Breaks "challenges start with an auth-scheme" (RFC 9110 §11.6.1): `realm="shop"` lacks its scheme, such as `Bearer`.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("sign in to see your orders")]
    #[status(401, www_authenticate = r#"realm="shop""#)]
    SignInRequired,
}

fn main() {}
