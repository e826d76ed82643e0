// A fixed code on a concealed variant tells the client which status it hides.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ShelfError {
    #[error("not a librarian")]
    #[status(403, conceal = 404, extensions(code = "not_a_librarian"))]
    NotLibrarian,
}

fn main() {}
