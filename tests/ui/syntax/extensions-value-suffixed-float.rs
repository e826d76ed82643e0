// A fixed member's number is written as JSON writes it: a suffixed float is a Rust literal, not
// a JSON number.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ReviewError {
    #[error("no review")]
    #[status(404, extensions(rating = 4.5f32))]
    NotFound,
}

fn main() {}
