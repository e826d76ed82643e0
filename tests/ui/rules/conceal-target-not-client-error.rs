// Breaks "`conceal` hides a 4xx behind another 4xx" (RFC 9110 §15.5.4): 500, an unregistered 499 and the status itself cannot hide it.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("you may not see this order")]
    #[status(403, conceal = 500)]
    Forbidden,

    #[error("you may not see this invoice")]
    #[status(403, conceal = 499)]
    InvoiceForbidden,

    #[error("order {id} does not exist")]
    #[status(404, conceal = NOT_FOUND)]
    NotFound { id: u64 },
}

fn main() {}
