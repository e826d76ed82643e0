// Breaks "no 300" (should, RFC 9110 §15.4.1): 300 Multiple Choices offers alternatives, it does not report an error.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum EventError {
    #[error("/event exists in several languages")]
    #[status(300)]
    SeveralLanguages,
}

fn main() {}
