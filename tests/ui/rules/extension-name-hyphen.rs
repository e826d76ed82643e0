// Breaks "extension member names are letters, digits and `_`" (should, RFC 9457 §3.2): `order-id` has a hyphen.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {order} is out of stock")]
    #[status(409)]
    OutOfStock {
        #[extension("order-id")]
        order: u64,
    },
}

fn main() {}
