// Breaks "unregistered codes have a reason" (should, RFC 9110 §15): 499 is not in the IANA registry, clients read it as 400.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum CheckoutError {
    #[error("the client closed the connection during checkout")]
    #[status(499)]
    ClientClosed,
}

fn main() {}
