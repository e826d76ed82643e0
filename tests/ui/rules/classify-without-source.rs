// Two fields, and neither is the error's source: which one would the classifier read?
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ImportError {
    #[error("line {line} of the import is not valid JSON: {error}")]
    #[status(400 | 422 | 500, classify = status_core::classify::json_error)]
    Line { line: u32, error: serde_json::Error },
}

fn main() {}
