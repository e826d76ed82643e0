// A misspelled status name is rejected with the closest registered name.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("no such order")]
    #[status(NOT_FUOND)]
    NotFound,
}

fn main() {}
