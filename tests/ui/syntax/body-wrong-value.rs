// `body` is none or problem.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("no such order")]
    #[status(404, body = json)]
    NotFound,
}

fn main() {}
