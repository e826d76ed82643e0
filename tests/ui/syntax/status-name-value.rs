// `#[status = 404]` is not the syntax.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("no such order")]
    #[status = 404]
    NotFound,
}

fn main() {}
