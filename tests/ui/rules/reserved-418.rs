// Breaks "no 418" (should, RFC 9110 §15.5.19): 418 is reserved and unused, by number or by the `http` crate's name.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum BrewError {
    #[error("the shop sells tea, not coffee")]
    #[status(418)]
    NoCoffee,

    #[error("the teapot is busy")]
    #[status(IM_A_TEAPOT)]
    TeapotBusy,
}

fn main() {}
