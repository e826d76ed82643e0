// A 403 concealed as 404 next to a real 404 that says more: a client tells them apart, and the
// concealment hides nothing (RFC 9110 §15.5.4).
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} does not exist")]
    #[status(404)]
    NotFound { id: u64 },
    #[error("order {id} belongs to another customer")]
    #[status(403, conceal = 404)]
    NotYours { id: u64 },
}

fn main() {}
