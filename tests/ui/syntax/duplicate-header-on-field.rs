// The same header attribute twice on one field.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum CacheError {
    #[error("not modified")]
    #[status(304)]
    NotModified {
        #[header(ETAG)]
        #[header(ETAG)]
        etag: String,
    },
}

fn main() {}
