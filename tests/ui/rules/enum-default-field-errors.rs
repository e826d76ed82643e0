// Breaks "Retry-After only on 3xx, 413, 429, 503" (should, RFC 9110 §10.2.3) in two variants that use the enum's 404 default: each field is reported.
use std::time::Duration;

use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(404)]
pub enum OrderError {
    #[error("order {id} is not ready")]
    NotReady {
        id: u64,
        #[retry_after]
        wait: Duration,
    },

    #[error("invoice {id} is not ready")]
    InvoiceNotReady {
        id: u64,
        #[retry_after]
        wait: Duration,
    },
}

fn main() {}
