// Two #[status] attributes on one variant.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("no such order")]
    #[status(404)]
    #[status(410)]
    NotFound,
}

fn main() {}
