// A field attribute on the field of a transparent variant has no effect.
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
    #[status(transparent)]
    Payment(#[extension("payment")] PaymentError),
}

fn main() {}
