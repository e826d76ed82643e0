// A header constant behind a path that is not `header::` would be read without its prefix.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("no such order")]
    #[status(404, headers(cache::CACHE_CONTROL = "no-store"))]
    NotFound,
}

fn main() {}
