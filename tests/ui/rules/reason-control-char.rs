// Breaks "static values are valid field values" (RFC 9110 §5.5, RFC 9112 §4): a line break in a reason phrase splits the status line.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum CheckoutError {
    #[error("the client closed the connection during checkout")]
    #[status(499, reason = "Client Closed\r\nRequest")]
    ClientClosed,
}

fn main() {}
