// `extension` is a field attribute, not a key of #[status].
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} does not exist")]
    #[status(404, extension)]
    NotFound { id: u64 },
}

fn main() {}
