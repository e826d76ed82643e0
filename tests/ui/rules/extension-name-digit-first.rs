// Breaks "extension member names start with a letter" (should, RFC 9457 §3.2): `2fa_method` starts with a digit.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum SignInError {
    #[error("confirm the sign-in with your second factor")]
    #[status(403)]
    SecondFactorRequired {
        #[extension("2fa_method")]
        method: String,
    },
}

fn main() {}
