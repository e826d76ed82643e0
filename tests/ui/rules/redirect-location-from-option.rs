// A 303 whose only Location is an Option field redirects nowhere when it is None (RFC 9110 §15.4.4).
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order placed")]
    #[status(303)]
    Placed {
        #[location]
        next: Option<String>,
    },
}

fn main() {}
