// transparent needs exactly one field.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum PaymentError {
    #[error("card declined")]
    #[status(403)]
    Declined,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("payment failed: {0}")]
    #[status(transparent)]
    Payment(PaymentError, u64),
}

fn main() {}
