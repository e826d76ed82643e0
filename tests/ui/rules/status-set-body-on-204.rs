// A set that holds 204 No Content and an extension member: the 204 would carry a body
// (RFC 9110 §15.3.5), so the member is an error for it, though the 409 may send it.
use status_core::HttpStatus;
use status_core::http::StatusCode;

#[derive(Debug, thiserror::Error)]
#[error("already cancelled")]
pub struct CancelOutcome;

fn classify_cancel(_: &CancelOutcome) -> StatusCode {
    StatusCode::CONFLICT
}

#[derive(Debug, HttpStatus)]
pub enum Cancellation {
    #[status(409 | 204, classify = classify_cancel)]
    Cancel {
        source: CancelOutcome,
        #[extension]
        order_id: u64,
    },
}

impl std::fmt::Display for Cancellation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("cancellation")
    }
}

fn main() {}
