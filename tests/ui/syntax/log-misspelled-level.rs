// A misspelled log level gets the level it is closest to.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum CatalogError {
    #[error("re-indexing")]
    #[status(503, log = wran)]
    Maintenance,
}

fn main() {}
