// Breaks "no body on 304" (RFC 9110 §15.4.5): a problem extension member on 304 Not Modified.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum CatalogError {
    #[error("the catalog has not changed")]
    #[status(304)]
    NotModified {
        #[header(ETAG)]
        etag: String,
        #[extension]
        revision: u32,
    },
}

fn main() {}
