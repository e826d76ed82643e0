// Breaks "one `instance`" (RFC 9457 §3.1.5): a problem has one `instance`, and two fields are marked `#[instance]`.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} does not exist")]
    #[status(404)]
    NotFound {
        id: u64,
        #[instance]
        order_url: String,
        #[instance]
        request_id: String,
    },
}

fn main() {}
