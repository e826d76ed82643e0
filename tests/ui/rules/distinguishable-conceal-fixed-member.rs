// A real 404 with a fixed `code` member: a concealed 403 answers without one, so a client
// tells them apart (RFC 9110 §15.5.4).
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ShelfError {
    #[error("not a librarian")]
    #[status(403, conceal = 404)]
    NotLibrarian,
    #[error("no such shelf")]
    #[status(404, detail = hidden, extensions(code = "shelf_not_found"))]
    NoShelf,
}

fn main() {}
