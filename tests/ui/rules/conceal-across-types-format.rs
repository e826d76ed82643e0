// Both answers are bare problems, but the real 404 is written as an HTML page and the concealed
// one as RFC 9457 JSON: the media type tells them apart.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum AuthError {
    #[error("not a librarian")]
    #[status(403, conceal = 404)]
    NotLibrarian,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(format = status_core::format::HtmlPage)]
pub enum PageError {
    #[error("no such page")]
    #[status(404, detail = hidden)]
    NoPage,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error(transparent)]
    #[status(transparent)]
    Auth(#[from] AuthError),
    #[error(transparent)]
    #[status(transparent)]
    Page(#[from] PageError),
}

fn main() {}
