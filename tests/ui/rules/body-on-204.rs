// Breaks "no body on 204" (RFC 9110 §15.3.5): a `#[body]` field on 204 No Content.
use status_core::HttpStatus;

#[derive(Debug, HttpStatus)]
#[status(204)]
pub struct OrderCancelled {
    #[body]
    receipt: String,
}

fn main() {}
