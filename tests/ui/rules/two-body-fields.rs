// Breaks "one body": a response has one body, and two fields are marked `#[body]`.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} does not exist")]
    #[status(404)]
    NotFound {
        id: u64,
        #[body]
        page: String,
        #[body]
        help: String,
    },
}

fn main() {}
