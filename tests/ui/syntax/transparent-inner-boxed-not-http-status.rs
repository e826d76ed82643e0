// The field of a transparent variant must implement HttpStatus, boxed too.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error(transparent)]
    #[status(transparent)]
    Io(#[from] Box<std::io::Error>),
    #[error("no such order")]
    #[status(404)]
    NotFound,
}

fn main() {}
