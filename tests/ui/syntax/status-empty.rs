// `#[status()]` without a code.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("no such order")]
    #[status()]
    NotFound,
}

fn main() {}
