// `#[error(transparent)]` makes the source error's message the problem's `detail` (RFC 9457 §5).
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum UploadError {
    #[error(transparent)]
    #[status(400)]
    Unreadable(#[from] std::io::Error),
}

fn main() {}
