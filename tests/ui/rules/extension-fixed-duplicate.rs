// A fixed member and a field's member with one name: the body would name it twice.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum BookError {
    #[error("book {book_id} does not exist")]
    #[status(404, extensions(code = "book_not_found", book_id = 0))]
    NotFound {
        #[extension]
        book_id: u64,
    },
}

fn main() {}
