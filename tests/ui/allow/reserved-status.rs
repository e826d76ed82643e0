// Opts out of "no 402, 418" (RFC 9110 §15.5.3, §15.5.19) with `allow(reserved_status)`: a payment API that answers 402.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum PaymentError {
    #[error("the card was declined")]
    #[status(402, allow(reserved_status))]
    Declined,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum BrewError {
    #[error("the shop sells tea, not coffee")]
    #[status(IM_A_TEAPOT, allow(reserved_status))]
    NoCoffee,
}

fn main() {
    let response = PaymentError::Declined.to_response();
    assert_eq!(response.status(), 402);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );

    let response = BrewError::NoCoffee.to_response();
    assert_eq!(response.status(), 418);
}
