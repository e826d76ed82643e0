// A header field from a field needs a string-like type.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum CacheError {
    #[error("not modified")]
    #[status(304)]
    NotModified {
        #[header(ETAG)]
        etag: Vec<u8>,
    },
}

fn main() {}
