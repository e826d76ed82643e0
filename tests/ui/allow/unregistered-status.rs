// Opts out of "unregistered codes have a reason" (RFC 9110 §15) with `allow(unregistered_status)`: 499 gets the class's title.
use status_core::{HttpStatus, ProblemDetails};

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum CheckoutError {
    #[error("the client closed the connection during checkout")]
    #[status(499, allow(unregistered_status))]
    ClientClosed,
}

fn main() {
    let response = CheckoutError::ClientClosed.to_response();
    assert_eq!(response.status(), 499);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let problem: ProblemDetails = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(problem.status, Some(499));
    assert_eq!(problem.title.as_deref(), Some("Client Error"));
}
