// An opt-out that turns nothing off is stale: the 404 has no Location rule to allow.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} does not exist")]
    #[status(404, allow(missing_location))]
    NotFound { id: u64 },
}

fn main() {}
