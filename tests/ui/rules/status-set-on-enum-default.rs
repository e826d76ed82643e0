// A status set as the enum's default: each variant's error is its own, and so is its set.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(400 | 422 | 500, classify = status_core::classify::json_error)]
pub enum ImportError {
    #[error("the import is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
}

fn main() {}
