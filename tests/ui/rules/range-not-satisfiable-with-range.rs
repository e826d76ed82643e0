// A 416 gives the current length as `bytes */length`, not a satisfied range (RFC 9110 §15.5.17).
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum DownloadError {
    #[error("the invoice is shorter than the range asked for")]
    #[status(416, content_range = "bytes 0-499/47022")]
    RangeNotSatisfiable,
}

fn main() {}
