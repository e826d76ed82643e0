// An extension member's type must be `Serialize`: the member is written as JSON.
use status_core::HttpStatus;

#[derive(Debug)]
pub struct Shelf {
    pub aisle: u32,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum BookError {
    #[error("book {id} is not on its shelf")]
    #[status(409)]
    Misplaced {
        id: u64,
        #[extension]
        shelf: Shelf,
    },
}

fn main() {}
