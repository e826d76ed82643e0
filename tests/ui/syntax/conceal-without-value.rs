// `conceal` needs the status to answer instead.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("you may not see this order")]
    #[status(403, conceal)]
    Forbidden,
}

fn main() {}
