// Breaks "`conceal` hides a 4xx" (RFC 9110 §15.5.4): a 500 is the server's failure, not a client error to hide.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("the order database is down")]
    #[status(500, conceal = 404)]
    DatabaseDown,
}

fn main() {}
