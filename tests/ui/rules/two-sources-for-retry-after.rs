// Breaks "one source per header field": `retry_after = 60` and a `#[retry_after]` field both set `Retry-After`.
use std::time::Duration;

use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ShopError {
    #[error("slow down")]
    #[status(429, retry_after = 60)]
    RateLimited {
        #[retry_after]
        wait: Duration,
    },
}

fn main() {}
