// Breaks "no body on 204" (RFC 9110 §15.3.5): a problem `detail` on 204 No Content.
use status_core::HttpStatus;

#[derive(Debug, HttpStatus)]
#[status(204, detail = "the order was cancelled")]
pub struct OrderCancelled;

fn main() {}
