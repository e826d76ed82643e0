// Each entry of `headers` needs a value.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("no such order")]
    #[status(404, headers(CACHE_CONTROL))]
    NotFound,
}

fn main() {}
