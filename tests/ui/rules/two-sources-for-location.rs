// Breaks "one source per header field": `location = "..."` and a `#[location]` field both set `Location`.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} placed")]
    #[status(303, location = "/order-result/{id}")]
    Placed {
        id: u64,
        #[location]
        next: String,
    },
}

fn main() {}
