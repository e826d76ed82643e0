// A type has one format: `format` goes on the enum, not on one variant.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum BookError {
    #[error("no such book")]
    #[status(404, format = status_core::format::HtmlPage)]
    NotFound,
    #[error("sign in")]
    #[status(401, www_authenticate = "Bearer", integrations = none)]
    SignIn,
}

fn main() {}
