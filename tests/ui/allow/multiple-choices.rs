// Opts out of "no 300" (RFC 9110 §15.4.1) with `allow(multiple_choices)`: /event exists in several languages, English preferred.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum EventError {
    #[error("/event exists in several languages")]
    #[status(300, location = "/new-event/en", allow(multiple_choices))]
    SeveralLanguages,
}

fn main() {
    let response = EventError::SeveralLanguages.to_response();
    assert_eq!(response.status(), 300);
    assert_eq!(response.headers()["location"], "/new-event/en");
}
