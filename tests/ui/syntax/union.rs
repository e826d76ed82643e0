// Unions are not supported.
use status_core::HttpStatus;

#[derive(HttpStatus)]
#[status(500)]
pub union Raw {
    code: u16,
    flags: u32,
}

fn main() {}
