// Breaks "static values are valid field values" (RFC 9110 §5.5): a header value is ASCII, `é` is not.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} does not exist")]
    #[status(404, headers("x-shop-name" = "Café Corner"))]
    NotFound { id: u64 },
}

fn main() {}
