// Opts out of "301, 302, 303, 307, 308 have a Location" (RFC 9110 §15.4) with `allow(missing_location)`: the proxy in front adds it.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum EventError {
    #[error("/event moved to /new-event")]
    #[status(301, allow(missing_location))]
    Moved,
}

fn main() {
    let response = EventError::Moved.to_response();
    assert_eq!(response.status(), 301);
    assert_eq!(response.headers().get("location"), None);
    assert!(response.body().is_empty());
}
