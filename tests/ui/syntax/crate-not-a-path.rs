use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(crate = "facade status_core")]
pub enum BookError {
    #[error("no such book")]
    #[status(404)]
    NotFound,
}

fn main() {}
