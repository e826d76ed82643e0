// Breaks "no 1xx as a final status" (RFC 9110 §15.2): 100 Continue is interim, an error needs a final status.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum UploadError {
    #[error("keep sending the product photo")]
    #[status(100)]
    KeepSending,
}

fn main() {}
