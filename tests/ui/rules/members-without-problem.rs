// A 303 sends no body unless asked to: problem members on it would be dropped without a word.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order placed")]
    #[status(303, location = "/order-result/{id}", title = "Order placed", type = "https://shop.example/probs/placed")]
    Placed {
        id: u64,
        #[extension("order_id")]
        order: u64,
    },
}

fn main() {}
