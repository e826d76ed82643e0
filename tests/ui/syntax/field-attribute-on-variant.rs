// #[retry_after] belongs on a field, not on a variant.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ShopError {
    #[error("slow down")]
    #[status(429)]
    #[retry_after]
    RateLimited { wait: std::time::Duration },
}

fn main() {}
