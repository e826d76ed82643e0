// Breaks "206 has Content-Range" (RFC 9110 §15.3.7.1): the client cannot tell which part of the invoice it got.
use status_core::HttpStatus;

#[derive(Debug, HttpStatus)]
#[status(206)]
pub struct InvoicePart {
    #[body]
    bytes: Vec<u8>,
}

fn main() {}
