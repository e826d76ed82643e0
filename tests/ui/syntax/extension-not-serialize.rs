// An extension member must implement Serialize.
use status_core::HttpStatus;

pub struct Basket;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("basket is empty")]
    #[status(422)]
    EmptyBasket {
        #[extension("basket")]
        basket: std::sync::Mutex<Basket>,
    },
}

impl std::fmt::Debug for Basket {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Basket")
    }
}

fn main() {}
