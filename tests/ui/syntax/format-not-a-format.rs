// `format` names a value whose type implements ResponseFormat.
use status_core::HttpStatus;

pub struct Plain;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("no such book")]
#[status(404, format = Plain)]
pub struct BookNotFound;

fn main() {}
