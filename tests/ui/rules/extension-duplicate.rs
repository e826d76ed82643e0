// Breaks "extension members are unique" (RFC 9457 §3.2): two fields are both the member `order_id`.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {order_id} conflicts with order {other}")]
    #[status(409)]
    Conflict {
        #[extension]
        order_id: u64,
        #[extension("order_id")]
        other: u64,
    },
}

fn main() {}
