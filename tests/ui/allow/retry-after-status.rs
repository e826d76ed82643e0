// Opts out of "Retry-After only on 3xx, 413, 429, 503" (RFC 9110 §10.2.3) with `allow(retry_after_status)`: the shop's own client reads it on 404.
use std::time::Duration;

use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} does not exist")]
    #[status(404, retry_after = 120, allow(retry_after_status))]
    NotFound { id: u64 },

    #[error("order {id} is not ready")]
    #[status(404, allow(retry_after_status))]
    NotReady {
        id: u64,
        #[retry_after]
        wait: Duration,
    },
}

fn main() {
    let response = OrderError::NotFound { id: 7 }.to_response();
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers()["retry-after"], "120");

    let response = OrderError::NotReady {
        id: 7,
        wait: Duration::from_secs(30),
    }
    .to_response();
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers()["retry-after"], "30");
}
