use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum CatalogError {
    #[error("re-indexing")]
    #[status(503, log = warning)]
    Maintenance,
}

fn main() {}
