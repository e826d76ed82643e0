// Breaks "`reason` only on unregistered codes" (RFC 9110 §15): 404 already has IANA's phrase "Not Found".
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} does not exist")]
    #[status(404, reason = "Order Missing")]
    NotFound { id: u64 },
}

fn main() {}
