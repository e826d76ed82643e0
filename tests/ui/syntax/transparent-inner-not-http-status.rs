// The field of a transparent variant must implement HttpStatus.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error(transparent)]
    #[status(transparent)]
    Io(std::io::Error),
}

fn main() {}
