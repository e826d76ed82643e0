// Breaks "`conceal` reveals nothing" (RFC 9110 §15.5.4): a header sent with the 404 tells that the order exists.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("you may not see this order")]
    #[status(403, conceal = 404, headers("x-order-owner" = "someone-else"))]
    Forbidden,

    #[error("you may not see this order for now")]
    #[status(403, conceal = 404, retry_after = 60)]
    ForbiddenForNow,
}

fn main() {}
