// A 4xx with header fields writes its problem body step by step; its `detail` still needs
// Display, and the error says so as for the one-call shape.
use status_core::HttpStatus;

#[derive(Debug, HttpStatus)]
pub enum OrderError {
    #[status(405, allow = "GET, HEAD")]
    WrongMethod,
}

fn main() {}
