// `format` names a value whose type implements ResponseFormat, not a media type.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(format = "text/html")]
pub enum BookError {
    #[error("no such book")]
    #[status(404)]
    NotFound,
}

fn main() {}
