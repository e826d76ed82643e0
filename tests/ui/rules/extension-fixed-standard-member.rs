// `status` is a standard member of every problem, not an extension (RFC 9457 §3.1).
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum BookError {
    #[error("no such book")]
    #[status(404, extensions(status = "missing"))]
    NotFound,
}

fn main() {}
