// Breaks "no `Content-Type` or `Content-Length`": the runtime sets both from the body it sends.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} does not exist")]
    #[status(404, headers(CONTENT_TYPE = "text/plain"))]
    NotFound { id: u64 },

    #[error("the order is too large")]
    #[status(413)]
    TooLarge {
        #[header("Content-Length")]
        length: u64,
    },
}

fn main() {}
