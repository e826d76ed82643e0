// Breaks "no connection-specific fields" (RFC 9110 §7.6.1, RFC 9113 §8.2.2): `Connection` is hop-by-hop.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ShopError {
    #[error("slow down")]
    #[status(429, headers(CONNECTION = "close"))]
    RateLimited,
}

fn main() {}
