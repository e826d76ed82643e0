// A 4xx sends its Display output as `detail`, so the type must implement Display.
use status_core::HttpStatus;

#[derive(Debug, HttpStatus)]
pub enum OrderError {
    #[status(404)]
    NotFound,
}

fn main() {}
