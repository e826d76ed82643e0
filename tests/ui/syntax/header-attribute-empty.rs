// `#[header()]` names no header: the error points inside the parentheses, not at the derive.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum CacheError {
    #[error("not modified")]
    #[status(304)]
    NotModified {
        #[header()]
        etag: String,
    },
}

fn main() {}
