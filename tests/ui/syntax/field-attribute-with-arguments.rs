// #[location] takes no arguments.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order placed")]
    #[status(303)]
    Placed {
        #[location("/order-result")]
        target: String,
    },
}

fn main() {}
