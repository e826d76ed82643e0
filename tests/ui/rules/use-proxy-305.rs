// Breaks "no 305 Use Proxy" (RFC 9110 §15.4.6): 305 is deprecated and clients ignore it.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum EventError {
    #[error("/event is served through the proxy now")]
    #[status(305)]
    UseTheProxy,
}

fn main() {}
