// `allow(...)` lists opt-outs; the Allow header is `allow = "..."`.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("use GET")]
    #[status(405, allow(GET, HEAD))]
    WrongMethod,
}

fn main() {}
