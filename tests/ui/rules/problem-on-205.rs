// Breaks "no body on 205" (RFC 9110 §15.3.6): `body = problem` on 205 Reset Content.
use status_core::HttpStatus;

#[derive(Debug, HttpStatus)]
#[status(205, body = problem)]
pub struct CartCleared;

impl std::fmt::Display for CartCleared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the cart was cleared: reset the form")
    }
}

fn main() {}
