use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum BookError {
    #[error("no such book")]
    #[status(404, crate = "status_core")]
    NotFound,
}

fn main() {}
