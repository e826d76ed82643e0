// Breaks "one body": a `#[body]` field contradicts `body = none`, and `body = problem`.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} does not exist")]
    #[status(404, body = none)]
    NotFound {
        id: u64,
        #[body]
        page: String,
    },

    #[error("order {id} is out of stock")]
    #[status(409, body = problem)]
    OutOfStock {
        id: u64,
        #[body]
        page: String,
    },
}

fn main() {}
