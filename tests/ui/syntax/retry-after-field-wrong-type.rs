// #[retry_after] needs a Duration, a SystemTime, seconds or a RetryAfter.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ShopError {
    #[error("slow down")]
    #[status(429)]
    RateLimited {
        #[retry_after]
        wait: String,
    },
}

fn main() {}
