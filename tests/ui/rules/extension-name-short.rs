// Breaks "extension member names are at least three characters" (should, RFC 9457 §3.2): `id` is too short.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} is out of stock")]
    #[status(409)]
    OutOfStock {
        #[extension]
        id: u64,
    },
}

fn main() {}
