// `headers` takes a list of NAME = "value" pairs.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("no such order")]
    #[status(404, headers = "cache-control: no-store")]
    NotFound,
}

fn main() {}
