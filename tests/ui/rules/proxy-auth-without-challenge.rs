// Breaks "407 has Proxy-Authenticate" (RFC 9110 §15.5.8, §11.7.1): the client is not told how to sign in to the proxy.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum GatewayError {
    #[error("sign in to the shop's proxy")]
    #[status(407)]
    ProxySignInRequired,
}

fn main() {}
