// Breaks "extension members are not standard members" (RFC 9457 §3.1, §3.2): `detail` is already a problem member.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} is out of stock")]
    #[status(409)]
    OutOfStock {
        id: u64,
        #[extension]
        detail: String,
    },
}

fn main() {}
