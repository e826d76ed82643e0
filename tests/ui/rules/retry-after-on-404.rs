// Breaks "Retry-After only on 3xx, 413, 429, 503" (should, RFC 9110 §10.2.3): a 404 with Retry-After, fixed and from a field.
use std::time::Duration;

use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} does not exist")]
    #[status(404, retry_after = 120)]
    NotFound { id: u64 },

    #[error("order {id} is not ready")]
    #[status(404)]
    NotReady {
        id: u64,
        #[retry_after]
        wait: Duration,
    },
}

fn main() {}
