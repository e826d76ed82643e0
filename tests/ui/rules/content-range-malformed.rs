// Breaks "`Content-Range` is well-formed" (RFC 9110 §14.4): the range unit `bytes` is missing, and a range that ends past the length.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum InvoiceError {
    #[error("the invoice is shorter than the range asked for")]
    #[status(416, content_range = "*/47022")]
    RangeNotSatisfiable,
}

#[derive(Debug, HttpStatus)]
#[status(206, content_range = "bytes 0-47022/47022")]
pub struct InvoicePart {
    #[body]
    bytes: Vec<u8>,
}

fn main() {}
