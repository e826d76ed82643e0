// Opts out of "extension member names are letters, digits, `_`, three at least" (RFC 9457 §3.2) with `allow(extension_name)`: clients expect `id`.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} is out of stock")]
    #[status(409, allow(extension_name))]
    OutOfStock {
        #[extension]
        id: u64,
    },
}

fn main() {
    let response = OrderError::OutOfStock { id: 7 }.to_response();
    assert_eq!(response.status(), 409);
    let problem: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(problem["id"], 7);
    assert_eq!(problem["detail"], "order 7 is out of stock");
}
