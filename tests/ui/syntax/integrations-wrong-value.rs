// `integrations` takes `none`, the opt-out; leaving it out keeps them.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(integrations = false)]
pub enum BookError {
    #[error("no such book")]
    #[status(404)]
    NotFound,
}

fn main() {}
