// `allow(distinguishable_conceal)`: the real 404 says more than the concealed one, on purpose.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} does not exist")]
    #[status(404)]
    NotFound { id: u64 },
    #[error("order {id} belongs to another customer")]
    #[status(403, conceal = 404, allow(distinguishable_conceal))]
    NotYours { id: u64 },
}

fn main() {
    let hidden = OrderError::NotYours { id: 7 }.to_response();
    assert_eq!(hidden.status(), 404);
    assert_eq!(
        hidden.body().as_ref(),
        br#"{"type":"about:blank","title":"Not Found","status":404}"#
    );
    let missing = OrderError::NotFound { id: 7 }.to_response();
    assert_ne!(hidden.body(), missing.body());
}
