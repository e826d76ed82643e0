// A 206 describes the range it encloses; `*/length` is the form of a 416 (RFC 9110 §15.3.7.1, §14.4).
use status_core::HttpStatus;

#[derive(Debug, HttpStatus)]
pub enum Download {
    #[status(206, content_range = "bytes */47022")]
    Part,
}

impl std::fmt::Display for Download {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("part of the invoice")
    }
}

fn main() {}
