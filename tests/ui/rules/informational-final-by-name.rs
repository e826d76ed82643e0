// Breaks "no 1xx as a final status" (RFC 9110 §15.2), with the code written by name: 103 Early Hints is interim.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum CheckoutError {
    #[error("the payment page is still loading")]
    #[status(EARLY_HINTS)]
    StillLoading,
}

fn main() {}
