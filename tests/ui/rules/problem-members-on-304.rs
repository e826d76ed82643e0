// Breaks "no body on 304" (RFC 9110 §15.4.5): a problem `type`, `title` and `instance` on 304 Not Modified.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum CatalogError {
    #[error("the catalog has not changed")]
    #[status(
        304,
        type = "https://shop.example/probs/unchanged",
        title = "Catalog unchanged"
    )]
    NotModified {
        #[header(ETAG)]
        etag: String,
        #[instance]
        page: String,
    },
}

fn main() {}
