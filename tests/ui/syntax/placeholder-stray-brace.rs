// A `}` before any `{` in a location template.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order placed")]
    #[status(303, location = "/order-result/}{id}")]
    Placed { id: u64 },
}

fn main() {}
