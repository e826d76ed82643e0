// `detail` is display, hidden, or a string.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("storage failed")]
    #[status(500, detail = true)]
    Storage,
}

fn main() {}
