// Two fields give the same header.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum CacheError {
    #[error("not modified")]
    #[status(304)]
    NotModified {
        #[header(ETAG)]
        etag: String,
        #[header("etag")]
        strong_etag: String,
    },
}

fn main() {}
