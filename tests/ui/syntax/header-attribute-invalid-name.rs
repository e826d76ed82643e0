// A header name is a token: no spaces.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("no such order")]
    #[status(404)]
    NotFound {
        #[header("x order id")]
        id: String,
    },
}

fn main() {}
