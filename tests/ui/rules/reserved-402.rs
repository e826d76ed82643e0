// Breaks "no 402" (should, RFC 9110 §15.5.3): 402 Payment Required is reserved for future use.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum PaymentError {
    #[error("the card was declined")]
    #[status(402)]
    Declined,
}

fn main() {}
