// Opts out of "`title` goes with a `type`" (RFC 9457 §4.2.1) with `allow(title_without_type)`: a friendlier title for the default type.
use status_core::{HttpStatus, ProblemDetails};

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} is out of stock")]
    #[status(409, title = "Out of stock", allow(title_without_type))]
    OutOfStock { id: u64 },
}

fn main() {
    let response = OrderError::OutOfStock { id: 7 }.to_response();
    assert_eq!(response.status(), 409);
    let problem: ProblemDetails = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(problem.type_uri, "about:blank");
    assert_eq!(problem.title.as_deref(), Some("Out of stock"));
}
