use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum BookError {
    #[error("no such book")]
    #[status(404, extensions(code = b"book_not_found", shelf = 7u8, big = 1e400))]
    NotFound,
}

fn main() {}
