use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum BookError {
    #[error("no such book")]
    #[status(404, extensions("book_not_found"))]
    NotFound,
}

fn main() {}
