// Breaks "416 has Content-Range" (should, RFC 9110 §15.5.17): the client is not told how long the invoice is.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum InvoiceError {
    #[error("the invoice is shorter than the range asked for")]
    #[status(416)]
    RangeNotSatisfiable,
}

fn main() {}
