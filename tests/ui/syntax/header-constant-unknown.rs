// A header constant that `http::header` does not have.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("no such order")]
    #[status(404)]
    NotFound {
        #[header(X_ORDER_ID)]
        id: String,
    },
}

fn main() {}
