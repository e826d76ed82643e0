// The status code is a number or a name, not a string.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("no such order")]
    #[status("404")]
    NotFound,
}

fn main() {}
