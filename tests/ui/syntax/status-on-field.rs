// #[status] belongs on a variant or the type, not on a field.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("no such order")]
    #[status(404)]
    NotFound {
        #[status(410)]
        id: u64,
    },
}

fn main() {}
