// `allow(source_in_detail)`: the source's message is meant for the client.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error)]
#[error("the quantity must be a whole number")]
pub struct QuantityError;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error(transparent)]
    #[status(422, allow(source_in_detail))]
    Quantity(#[from] QuantityError),
}

fn main() {
    let response = OrderError::Quantity(QuantityError).to_response();
    assert_eq!(response.status(), 422);
    assert!(String::from_utf8_lossy(response.body()).contains("the quantity must be a whole number"));
}
