// An enum's `#[status(...)]` with only the type's keys holds no default status: a key of a status
// there would apply to nothing, and a variant without `#[status]` of its own has none.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(format = status_core::format::HtmlPage, detail = hidden, allow(success_status))]
pub enum BookError {
    #[error("book {0} does not exist")]
    #[status(404)]
    NotFound(u64),
    #[error("the shelf is full")]
    ShelfFull,
}

fn main() {}
