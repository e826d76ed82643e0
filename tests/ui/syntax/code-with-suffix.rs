// A status code literal has no type suffix.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("no such order")]
    #[status(404u16)]
    NotFound,
}

fn main() {}
