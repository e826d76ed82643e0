// transparent on a variant without fields.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("payment failed")]
    #[status(transparent)]
    Payment,
}

fn main() {}
