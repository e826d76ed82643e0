// Breaks "302, 303, 307 and 308 have a Location" (should, RFC 9110 §15.4.3, §15.4.4, §15.4.8, §15.4.9): every error of one input is reported at once.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum EventError {
    #[error("the event is elsewhere for now")]
    #[status(302)]
    Elsewhere,

    #[error("order {id} placed")]
    #[status(SEE_OTHER)]
    Placed { id: u64 },

    #[error("sign in on the sign-in page first")]
    #[status(307)]
    SignInFirst,

    #[error("/event moved to /new-event")]
    #[status(308)]
    Moved,
}

fn main() {}
