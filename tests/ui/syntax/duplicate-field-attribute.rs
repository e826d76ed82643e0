// The same field attribute twice on one field.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order placed")]
    #[status(303)]
    Placed {
        #[location]
        #[location]
        target: String,
    },
}

fn main() {}
