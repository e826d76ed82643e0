// An unregistered code needs a reason phrase, and an empty one is none (RFC 9112 §4).
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ProxyError {
    #[error("the client went away")]
    #[status(499, reason = "")]
    ClientClosed,
}

fn main() {}
