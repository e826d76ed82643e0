// `#[status(format = ...)]` on an enum names the type's format, and holds no default status: a
// variant without a `#[status]` of its own has none, and the error says where the default goes.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(format = status_core::format::HtmlPage)]
pub enum BookError {
    #[error("book {0} does not exist")]
    #[status(404)]
    NotFound(u64),
    #[error("the shelf is full")]
    ShelfFull,
}

fn main() {}
