// transparent takes everything from the field: no other keys.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum PaymentError {
    #[error("card declined")]
    #[status(403)]
    Declined,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error(transparent)]
    #[status(transparent, retry_after = 30)]
    Payment(PaymentError),
}

fn main() {}
