// Breaks "`conceal` hides a 4xx behind another 4xx" (RFC 9110 §15.5.4): 401 needs a challenge, so it cannot hide anything.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("you may not see this order")]
    #[status(403, conceal = 401)]
    Forbidden,
}

fn main() {}
