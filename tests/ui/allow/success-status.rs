// Opts out of "no 2xx on an error type" (RFC 9110 §15.3) with `allow(success_status)`: the order is queued, which the caller treats as an error.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} is queued")]
    #[status(202, allow(success_status))]
    Queued { id: u64 },
}

fn main() {
    let response = OrderError::Queued { id: 7 }.to_response();
    assert_eq!(response.status(), 202);
    assert!(response.body().is_empty());
}
