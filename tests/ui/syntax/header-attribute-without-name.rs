// #[header] must name the header field.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum CacheError {
    #[error("not modified")]
    #[status(304)]
    NotModified {
        #[header]
        etag: String,
    },
}

fn main() {}
