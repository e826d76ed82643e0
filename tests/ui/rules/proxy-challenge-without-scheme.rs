// Breaks "challenges start with an auth-scheme" (RFC 9110 §11.7.1): an empty `proxy_authenticate` has no scheme.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum GatewayError {
    #[error("sign in to the shop's proxy")]
    #[status(407, proxy_authenticate = "")]
    ProxySignInRequired,
}

fn main() {}
