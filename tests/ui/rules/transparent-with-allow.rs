// Breaks "`transparent` says nothing else": an `allow(...)` has no rule to turn off, the field's own HttpStatus answers.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum PaymentError {
    #[error("the card was declined")]
    #[status(403)]
    Declined,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum CheckoutError {
    #[error(transparent)]
    #[status(transparent, allow(success_status))]
    Payment(PaymentError),
}

fn main() {}
