// Breaks "`Retry-After` is delay-seconds" (RFC 9110 §10.2.3): a delay is a non-negative number of seconds.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ShopError {
    #[error("slow down")]
    #[status(429, retry_after = -1)]
    RateLimited,
}

fn main() {}
