// Opts out of "416 has Content-Range" (RFC 9110 §15.5.17) with `allow(missing_content_range)`: the invoice's length is not known.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum InvoiceError {
    #[error("the invoice is shorter than the range asked for")]
    #[status(416, allow(missing_content_range))]
    RangeNotSatisfiable,
}

fn main() {
    let response = InvoiceError::RangeNotSatisfiable.to_response();
    assert_eq!(response.status(), 416);
    assert_eq!(response.headers().get("content-range"), None);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
}
