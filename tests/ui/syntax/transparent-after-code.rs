// transparent replaces the code; it is not a key after one.
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
    #[status(402, transparent)]
    Payment(PaymentError),
}

fn main() {}
